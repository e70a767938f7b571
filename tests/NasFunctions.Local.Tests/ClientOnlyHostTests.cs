using System.Net;

namespace NasFunctions.Local.Tests;

/// <summary>A host that runs no worker (what <c>nas status</c> starts when no server is up) serves reads and stops cleanly.</summary>
[Collection(EndToEndCollection.Name)]
public class ClientOnlyHostTests
{
    [Fact]
    public async Task Serves_reads_and_stops_without_error()
    {
        var host = await LocalHost.StartAsync(new LocalHostOptions { Port = 0, RunWorker = false });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
            using var response = await http.GetAsync("api/searches/s20990101-000000-000000");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await http.GetStringAsync("api/searches")).Trim().ShouldBe("[]");
        }
        finally
        {
            await Should.NotThrowAsync(async () => await host.DisposeAsync());
        }
    }
}

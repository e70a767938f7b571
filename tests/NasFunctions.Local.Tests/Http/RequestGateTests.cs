using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Local.Cli;
using NasFunctions.Local.Tests.Fuzz;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests.Http;

/// <summary>What the gate lets through: the host's own origin and names, the key when one is set, and the CLI's own calls.</summary>
[Collection(FuzzCollection.Name)]
public sealed class RequestGateTests(FuzzHostFixture fixture)
{
    [Fact]
    public async Task The_key_opens_the_keyed_host_in_either_header()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Keyed.BaseUrl + "/") };

        using var none = await client.GetAsync("api/searches");
        using var header = await Send(client, HttpMethod.Get, "api/searches", r => r.Headers.Add("x-api-key", FuzzHostFixture.ApiKey));
        using var bearer = await Send(client, HttpMethod.Get, "api/searches", r => r.Headers.Add("Authorization", "Bearer " + FuzzHostFixture.ApiKey));

        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        header.StatusCode.ShouldBe(HttpStatusCode.OK);
        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hosts_own_origin_and_loopback_names_are_let_through()
    {
        int port = new Uri(fixture.Open.BaseUrl).Port;
        using var client = fixture.Open.CreateClient();

        using var sameOrigin = await Send(client, HttpMethod.Get, "api/searches", r => r.Headers.Add("Origin", fixture.Open.BaseUrl));
        using var localhost = await Send(client, HttpMethod.Get, "api/searches", r => r.Headers.Host = $"localhost:{port}");
        using var sameOriginInvalidPost = await Send(client, HttpMethod.Post, "api/searches", r =>
        {
            r.Headers.Add("Origin", fixture.Open.BaseUrl);
            r.Content = new StringContent("""{ "budget": { "rounds": 0 } }""", Encoding.UTF8, "application/json");
        });

        sameOrigin.StatusCode.ShouldBe(HttpStatusCode.OK);
        localhost.StatusCode.ShouldBe(HttpStatusCode.OK);
        sameOriginInvalidPost.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "it reached the spec reader");
    }

    [Fact]
    public async Task A_bind_beyond_loopback_needs_a_key()
    {
        var options = new LocalHostOptions { Port = 0, BindAddress = "0.0.0.0", ApiKey = null, ConnectionString = fixture.Open.ConnectionString };

        var refused = await Should.ThrowAsync<ArgumentException>(() => LocalHost.StartAsync(options));

        refused.Message.ShouldContain("API key");
        new LocalHostOptions { BindAddress = "example.com" }.IsLoopback.ShouldBeFalse();
        new LocalHostOptions { BindAddress = "::1" }.IsLoopback.ShouldBeTrue();
    }

    [Fact]
    public async Task The_cli_status_command_reaches_a_keyed_host_with_its_key()
    {
        var store = fixture.Open.Services.GetRequiredService<ISearchStore>();
        const string Id = "s20260101-000000-c11c11";
        await store.UpsertSearchAsync(new SearchRecord
        {
            SearchId = Id, Name = "cli", Status = SearchStatus.Pending, Strategy = "random", SpaceKind = "macro-cnn", Dataset = "fashion-mnist",
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        try
        {
            int withKey = await StatusCommand.RunAsync(
                CommandLine.Parse(["status", Id, "--url", fixture.Keyed.BaseUrl, "--api-key", FuzzHostFixture.ApiKey]), CancellationToken.None);
            int withoutKey = await StatusCommand.RunAsync(
                CommandLine.Parse(["status", Id, "--url", fixture.Keyed.BaseUrl, "--api-key", "wrong"]), CancellationToken.None);

            withKey.ShouldBe(0);
            withoutKey.ShouldBe(1);
        }
        finally
        {
            await store.DeleteSearchAsync(Id);
        }
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage> change)
    {
        using var request = new HttpRequestMessage(method, path);
        change(request);
        return await client.SendAsync(request);
    }
}

using System.Net.Sockets;
using System.Text.Json;
using NasFunctions.Local.Http;

namespace NasFunctions.Local.Cli;

/// <summary><c>nas status &lt;id&gt;</c>: prints a search's status, from a running <c>nas serve</c> or from local storage.</summary>
public static class StatusCommand
{
    /// <summary>Runs the command; returns the process exit code (0 when the search was found).</summary>
    public static async Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken)
    {
        if (line.Arguments.Count != 1)
        {
            Console.Error.WriteLine("usage: nas status <search-id> [--url http://127.0.0.1:7071] [--api-key KEY]");
            return 2;
        }

        string id = line.Arguments[0];
        string url = line.String("url") ?? await RunningServe.FindAsync(cancellationToken) ?? "http://127.0.0.1:7071";
        try
        {
            return await PrintAsync(url, line.String("api-key", new LocalHostOptions().ApiKey), id, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException)
        {
            // No server there: read the same data through a host of our own that runs no worker.
        }

        await using var host = await LocalHost.StartAsync(
            new LocalHostOptions { Port = 0, RunWorker = false, AzuriteLocation = NasHome.AzuriteLocation },
            cancellationToken: cancellationToken);
        using var own = host.CreateClient(TimeSpan.FromSeconds(30));
        return await PrintAsync(own, id, cancellationToken);
    }

    private static async Task<int> PrintAsync(string url, string? apiKey, string id, CancellationToken cancellationToken)
    {
        using var http = ApiClient.Create(url, apiKey, TimeSpan.FromSeconds(30));
        return await PrintAsync(http, id, cancellationToken);
    }

    private static async Task<int> PrintAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/searches/{Uri.EscapeDataString(id)}", cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Console.WriteLine(body);
        if (!response.IsSuccessStatusCode)
        {
            return 1;
        }

        var watcher = new SearchWatcher(http, Console.Out, TimeProvider.System);
        Console.WriteLine();
        await watcher.PrintLeaderboardAsync(id, cancellationToken);
        return JsonDocument.Parse(body).RootElement.TryGetProperty("id", out _) ? 0 : 1;
    }
}

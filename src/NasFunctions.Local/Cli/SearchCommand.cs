using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NasFunctions.Local.Http;

namespace NasFunctions.Local.Cli;

/// <summary><c>nas search [spec.json]</c>: starts the local host, posts the spec, follows the search and prints the leaderboard.</summary>
public static class SearchCommand
{
    /// <summary>The embedded default spec: a small random search on Fashion-MNIST.</summary>
    public static string DemoSpecPath => Path.Combine(AppContext.BaseDirectory, "specs", "fashion-mnist-demo.json");

    /// <summary>Runs the command; returns the process exit code (0 when the search completed).</summary>
    public static async Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken)
    {
        string specPath = line.Arguments.Count > 0 ? line.Arguments[0] : DemoSpecPath;
        if (!File.Exists(specPath))
        {
            Console.Error.WriteLine($"error: spec file '{specPath}' not found.");
            return 2;
        }

        string spec = await File.ReadAllTextAsync(specPath, cancellationToken);
        if (await RunningServe.FindAsync(cancellationToken) is { } running)
        {
            // The data folder has its host already: a second one must not open it, so the search goes to that one.
            Console.WriteLine($"spec: {Path.GetFileName(specPath)}; using the running nas serve at {running}");
            using var client = ApiClient.Create(running, new LocalHostOptions().ApiKey);
            return await RunAsync(client, spec, cancellationToken);
        }

        Console.WriteLine($"spec: {Path.GetFileName(specPath)}; starting Azurite, the durable worker and the HTTP API...");
        await using var host = await LocalHost.StartAsync(
            new LocalHostOptions { Port = line.Int("port", 0), AzuriteLocation = NasHome.AzuriteLocation }, cancellationToken: cancellationToken);
        using var http = host.CreateClient();
        return await RunAsync(http, spec, cancellationToken);
    }

    // Posts the spec to the host behind http, follows the search and prints its leaderboard.
    private static async Task<int> RunAsync(HttpClient http, string spec, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("api/searches", new StringContent(spec, Encoding.UTF8, "application/json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"error: the API refused the spec ({(int)response.StatusCode}):");
            Console.Error.WriteLine(await response.Content.ReadAsStringAsync(cancellationToken));
            return 2;
        }

        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        string id = accepted.GetProperty("id").GetString()!;
        Console.WriteLine($"search {id} started; status: {accepted.GetProperty("statusQueryGetUri").GetString()}");

        var watcher = new SearchWatcher(http, Console.Out, TimeProvider.System);
        var final = await watcher.FollowAsync(id, TimeSpan.FromSeconds(1), cancellationToken);
        Console.WriteLine();
        await watcher.PrintLeaderboardAsync(id, cancellationToken);
        string runtime = final.GetProperty("runtimeStatus").GetString() ?? "";
        Console.WriteLine();
        Console.WriteLine($"search {id}: {runtime.ToLowerInvariant()}; `./nas status {id}` shows it again.");
        if (final.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.String)
        {
            Console.Error.WriteLine($"failure: {failure.GetString()}");
        }

        return runtime == "Completed" ? 0 : 1;
    }
}

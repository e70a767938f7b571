namespace NasFunctions.Local.Cli;

/// <summary><c>nas serve [--port N] [--bind IP --api-key KEY]</c>: runs Azurite, the HTTP API and the workers in the foreground until stopped.</summary>
public static class ServeCommand
{
    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public static async Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken)
    {
        var options = new LocalHostOptions
        {
            Port = line.Int("port", 7071),
            AzuriteLocation = NasHome.AzuriteLocation,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
        };
        if (line.String("bind") is { } bind)
        {
            options.BindAddress = bind;
        }

        if (line.String("api-key") is { } apiKey)
        {
            // A bare --api-key parses as "true": refuse it rather than serve with a guessable key.
            options.ApiKey = apiKey != "true" ? apiKey : throw new ArgumentException("--api-key takes the key as its value.");
        }

        if (line.String("worker-id") is { } workerId)
        {
            options.Durable.WorkerId = workerId;
        }

        await using var host = await LocalHost.StartAsync(options, cancellationToken: cancellationToken);
        Console.WriteLine($"NasFunctions listening on {host.BaseUrl} (POST {host.BaseUrl}/api/searches); Ctrl+C stops.");
        Console.WriteLine($"storage: {(options.ConnectionString is null ? $"Azurite (pid {host.AzuriteProcessId}) in {options.AzuriteLocation}" : "NAS_STORAGE")}");
        Console.WriteLine(options.ApiKey is null
            ? "access: loopback only, no API key; cross-origin and foreign-Host requests are refused"
            : $"access: {(options.IsLoopback ? "loopback" : options.BindAddress)}, every request needs the API key (x-api-key or Authorization: Bearer)");
        var stopped = await Task.WhenAny(host.Failed, Task.Delay(Timeout.Infinite, cancellationToken));
        if (stopped == host.Failed)
        {
            Console.Error.WriteLine($"error: storage is gone, so the host stops: {await host.Failed}");
            return 1;
        }

        Console.WriteLine("stopping: the HTTP API, the worker (trials resume from their checkpoints at the next start), Azurite...");
        return 0;
    }
}

using NasFunctions.Local.Cli;

// Not disposed: ProcessExit may fire after Main returns, and cancelling a disposed source throws.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

var line = CommandLine.Parse(args);
try
{
    return line.Command switch
    {
        "search" => await SearchCommand.RunAsync(line, stop.Token),
        "status" => await StatusCommand.RunAsync(line, stop.Token),
        "serve" => await ServeCommand.RunAsync(line, stop.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("stopped.");
    return 130;
}
catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException or HttpRequestException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

static int Usage()
{
    Console.WriteLine("""
        nas: neural architecture search on one machine (Azurite + Durable Task + TorchSharp)

          nas search [spec.json] [--port N]   run a search (default: the small Fashion-MNIST demo), follow it, print the leaderboard
          nas status <id> [--url URL]         show a search (from a running `nas serve`, else from local storage)
          nas serve [--port N]                run the HTTP API and workers in the foreground (default port 7071)
        """);
    return 0;
}

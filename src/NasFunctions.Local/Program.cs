using System.Runtime.InteropServices;
using NasFunctions.Local.Cli;

// The CLI owns SIGINT and SIGTERM (the web host does not): a signal cancels the command, which then stops its host,
// its workers and the Azurite it started.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var line = CommandLine.Parse(args);
try
{
    return line.Command switch
    {
        "search" => await SearchCommand.RunAsync(line, stop.Token),
        "status" => await StatusCommand.RunAsync(line, stop.Token),
        "serve" => await ServeCommand.RunAsync(line, stop.Token),
        "bench" => await BenchCommand.RunAsync(line, stop.Token),
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

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

static int Usage()
{
    Console.WriteLine("""
        nas: neural architecture search on one machine (Azurite + Durable Task + TorchSharp)

          nas search [spec.json] [--port N]   run a search (default: the small Fashion-MNIST demo), follow it, print the leaderboard
          nas status <id> [--url URL]         show a search (from a running `nas serve`, else from local storage)
          nas serve [--port N]                run the HTTP API and workers in the foreground (default port 7071)
          nas bench strategies --table PATH [--column NAME] [--queries K] [--seeds S] [--json]
                                              every strategy on a tabular benchmark (NAS-Bench-201 by default)
          nas bench trainer [--device auto|cpu|cuda] [--threads N] [--batch 128] [--steps 30] [--warmup 5] [--json]
                                              training samples/s and GFLOP/s of the reference CNN against a large matmul
        """);
    return 0;
}

using System.Runtime.InteropServices;
using NasFunctions.Local.Cli;

// The CLI owns SIGINT and SIGTERM (the web host does not): a signal cancels the command, which then stops its host,
// its workers and the Azurite it started.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var line = CommandLine.Parse(args);
if (line.Command is "search" or "bench")
{
    NativeErrorLog.Redirect(); // libtorch's warnings go to .nas/logs/native.log, not between the progress lines
}

AppDomain.CurrentDomain.UnhandledException += (_, e) => Console.Error.WriteLine($"error: {e.ExceptionObject}");
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
                                              (through the running `nas serve` when one holds .nas)
          nas status <id> [--url URL] [--api-key KEY]
                                              show a search (from a running `nas serve`, else from local storage)
          nas serve [--port N] [--bind IP] [--api-key KEY]
                                              run the HTTP API and workers in the foreground (default 127.0.0.1:7071;
                                              a non-loopback --bind needs a key; NAS_API_KEY sets it too); one per .nas folder
          nas bench strategies --table PATH [--column NAME] [--queries K] [--seeds S] [--json]
                                              every strategy on a tabular benchmark (NAS-Bench-201 by default)
          nas bench trainer [--device auto|cpu|cuda] [--precision fp32|bf16] [--threads N] [--batch 128] [--steps 6] [--rounds 5] [--json]
                                              training samples/s and GFLOP/s of the reference CNN against a large matmul
          nas bench fidelity [--architectures 9] [--eta 3] [--min-epochs 1] [--max-epochs 9] [--fraction 0.1] [--threads N] [--seed 1] [--json]
                                              one search's architectures trained fully and by successive halving, side by side
          nas bench search [--minutes 30] [--strategy NAME] [--threads N] [--seed 1] [--json]
                                              a search for M minutes, then the reference CNN for another M, on full Fashion-MNIST
        native (libtorch) warnings of search and bench go to .nas/logs/native.log
        """);
    return 0;
}

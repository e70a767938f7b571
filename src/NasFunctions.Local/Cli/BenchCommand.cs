using NasFunctions.Benchmarks;
using NasFunctions.Benchmarks.Trainer;
using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Local.Cli;

/// <summary><c>nas bench strategies|trainer ...</c>: runs the benchmarks and prints their figures (a table, or JSON with <c>--json</c>).</summary>
public static class BenchCommand
{
    /// <summary>Runs the named benchmark; returns the process exit code.</summary>
    public static Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken) =>
        Task.FromResult(line.Arguments.FirstOrDefault() switch
        {
            "strategies" => Strategies(line, cancellationToken),
            "trainer" => Trainer(line),
            _ => Usage(),
        });

    private static int Strategies(CommandLine line, CancellationToken cancellationToken)
    {
        string? path = line.String("table");
        if (path is null)
        {
            Console.Error.WriteLine("usage: nas bench strategies --table PATH [--column NAME] [--queries 150] [--seeds 100] [--batch 1] [--strategies a,b] [--json]");
            return 2;
        }

        var table = TabularBenchmark.Load(path, line.String("column"));
        var errors = new List<SpecError>();
        string spaceJson = $$"""{ "kind": "{{line.String("space", "nas-bench-201")}}" }""";
        using var document = System.Text.Json.JsonDocument.Parse(spaceJson);
        var space = SearchSpaceCatalog.FromJson(document.RootElement, "--space", errors)
            ?? throw new ArgumentException(string.Join("; ", errors));
        var names = line.String("strategies")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? StrategyCatalog.Names.ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var scores = StrategyBenchmark.Run(
            table,
            space,
            names.Select(BenchmarkedStrategy.FromCatalog).ToList(),
            line.Int("queries", 150),
            line.Int("seeds", 100),
            line.Int("batch", 1));
        Console.WriteLine(line.Options.ContainsKey("json") ? StrategyBenchmarkReport.ToJson(scores) : StrategyBenchmarkReport.ToTable(scores));
        return 0;
    }

    private static int Trainer(CommandLine line)
    {
        var defaults = new TrainerBenchmarkOptions();
        var result = TrainerBenchmark.Run(new TrainerBenchmarkOptions
        {
            Architecture = line.String("architecture", defaults.Architecture)!,
            BatchSize = line.Int("batch", defaults.BatchSize),
            WarmupSteps = line.Int("warmup", defaults.WarmupSteps),
            Steps = line.Int("steps", defaults.Steps),
            Threads = line.Int("threads", defaults.Threads),
            Device = line.String("device", defaults.Device)!,
            MatmulSize = line.Int("matmul-size", defaults.MatmulSize),
            MatmulRepeats = line.Int("matmul-repeats", defaults.MatmulRepeats),
        });
        Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToTable());
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: nas bench strategies --table PATH [--column NAME] --queries K --seeds S [--json]");
        Console.Error.WriteLine("       nas bench trainer [--device auto|cpu|cuda] [--threads N] [--batch 128] [--steps 30] [--warmup 5] [--json]");
        return 2;
    }
}

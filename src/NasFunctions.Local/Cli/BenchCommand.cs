using NasFunctions.Benchmarks;
using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Local.Cli;

/// <summary><c>nas bench strategies ...</c>: runs the benchmarks and prints their figures (a table, or JSON with <c>--json</c>).</summary>
public static class BenchCommand
{
    /// <summary>Runs the named benchmark; returns the process exit code.</summary>
    public static Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken) =>
        Task.FromResult(line.Arguments.FirstOrDefault() switch
        {
            "strategies" => Strategies(line, cancellationToken),
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

    private static int Usage()
    {
        Console.Error.WriteLine("usage: nas bench strategies --table PATH [--column NAME] --queries K --seeds S [--json]");
        return 2;
    }
}

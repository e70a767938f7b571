using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace.NasBench201;

namespace NasFunctions.Benchmarks.Tests;

/// <summary>The target for evolution on the shared NAS-Bench-201 CIFAR-10 table (fails when the table cannot be found).</summary>
public class NasBench201Tests
{
    [Fact]
    public void Evolution_reaches_94_30_on_average_in_150_queries_over_100_seeds()
    {
        var path = SharedTable("nasbench201-cifar10.csv");
        var table = TabularBenchmark.Load(path);
        var scores = StrategyBenchmark.Run(
            table, NasBench201Space.Default, [BenchmarkedStrategy.FromCatalog("random"), BenchmarkedStrategy.FromCatalog("evolution")], 150, 100);

        scores[0].MeanQueries.ShouldBe(150);
        scores[1].MeanQueries.ShouldBe(150);
        scores[1].Mean.ShouldBeGreaterThanOrEqualTo(94.30);
        scores[1].Mean.ShouldBeGreaterThan(scores[0].Mean + 0.2);
    }

    private static string SharedTable(string name)
    {
        if (Environment.GetEnvironmentVariable("NAS_BENCHMARKS") is { Length: > 0 } folder)
        {
            return Path.Combine(folder, name);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "benchmarks", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shared/benchmarks/{name} above {AppContext.BaseDirectory}; set NAS_BENCHMARKS to its folder");
    }
}

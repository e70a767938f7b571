using System.Text.Json;
using NasFunctions.Strategy;
using NasFunctions.Strategy.Evolution;

namespace NasFunctions.Benchmarks.Tests;

[Collection("TorchSharp")]
public class StrategyBenchmarkTests
{
    private static readonly GridTable Grid = new(decisions: 5, choices: 4, seed: 3);

    private static readonly BenchmarkedStrategy[] Strategies =
    [
        BenchmarkedStrategy.FromCatalog("random"),
        BenchmarkedStrategy.FromCatalog("evolution"),
        BenchmarkedStrategy.FromCatalog("rl"),
    ];

    [Fact]
    public void Scores_every_strategy_the_same_way_on_every_run()
    {
        var first = StrategyBenchmark.Run(Grid.Table, Grid, Strategies, queries: 40, seeds: 6);
        var second = StrategyBenchmark.Run(Grid.Table, Grid, Strategies, queries: 40, seeds: 6, maxParallelism: 1);

        first.Select(s => s.Strategy).ShouldBe(["random", "evolution", "rl"]);
        foreach (var (a, b) in first.Zip(second))
        {
            b.BestPerSeed.ShouldBe(a.BestPerSeed);
            a.MeanQueries.ShouldBe(40);
            a.Mean.ShouldBe(a.BestPerSeed.Average(), 1e-9);
            a.Mean.ShouldBeLessThanOrEqualTo(Grid.Table.Optimum);
            a.OptimumShare.ShouldBe(a.BestPerSeed.Count(v => v == Grid.Table.Optimum) / 6.0);
        }
    }

    [Fact]
    public void A_budget_as_large_as_the_table_always_finds_the_optimum()
    {
        var score = StrategyBenchmark.Run(Grid.Table, Grid, [BenchmarkedStrategy.FromCatalog("random")], queries: 2000, seeds: 2).Single();

        score.MeanQueries.ShouldBe(1024);
        score.OptimumShare.ShouldBe(1);
        score.StandardDeviation.ShouldBe(0);
    }

    [Fact]
    public void Batches_spend_exactly_the_budget()
    {
        var score = StrategyBenchmark.Run(Grid.Table, Grid, [BenchmarkedStrategy.FromCatalog("evolution")], queries: 25, seeds: 3, batch: 4).Single();

        score.MeanQueries.ShouldBe(25);
    }

    [Fact]
    public void Evolution_beats_random_on_the_generated_table()
    {
        var scores = StrategyBenchmark.Run(
            Grid.Table,
            Grid,
            [BenchmarkedStrategy.FromCatalog("random"), new("evolution", space => new RegularizedEvolution(space, new RegularizedEvolutionOptions()))],
            queries: 60,
            seeds: 20);

        scores[1].Mean.ShouldBeGreaterThan(scores[0].Mean);
    }

    [Fact]
    public void Json_report_has_one_object_per_strategy()
    {
        var scores = new[] { new StrategyScore("random", 93.91234, 0.2211, 0.04, 1.234, [93.9], 150) };

        var json = StrategyBenchmarkReport.ToJson(scores);

        json.ShouldBe("""[{"strategy":"random","mean":93.9123,"sd":0.2211,"optimum_share":0.04,"seconds":1.23}]""");
        JsonDocument.Parse(json).RootElement.GetArrayLength().ShouldBe(1);
        StrategyBenchmarkReport.ToTable(scores).ShouldContain("random      93.9123   0.2211       4%       1.2");
    }

    [Fact]
    public void The_catalog_list_holds_every_strategy_a_table_can_score() =>
        BenchmarkedStrategy.Catalog().Select(s => s.Name).ShouldBe(StrategyCatalog.Names.Where(n => n is not ("halving" or "hyperband")));

    [Fact]
    public void Unknown_catalog_names_are_refused() =>
        Should.Throw<ArgumentException>(() => BenchmarkedStrategy.FromCatalog("annealing").Create(Grid));
}

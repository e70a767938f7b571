using System.Diagnostics;
using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks;

/// <summary>Scores search strategies on a tabular benchmark: every strategy, for many seeds, each with a budget of queries.</summary>
/// <remarks>
/// A query is one distinct architecture looked up in the table; the strategy learns the table value as its fitness.
/// Seed s of a run uses <c>SeedSequence.CreateRandom(s, round)</c> for round r, so results depend only on the seed, never on
/// thread timing: seeds run in parallel (each on its own strategy instance) and are gathered in seed order. An architecture
/// the table lacks is a failed trial (no fitness) and still costs a query. A seed ends early when its strategy is exhausted or
/// ten rounds in a row bring no new architecture.
/// </remarks>
public static class StrategyBenchmark
{
    /// <summary>
    /// Runs every strategy for <paramref name="seeds"/> seeds of <paramref name="queries"/> queries each, asking for
    /// <paramref name="batch"/> candidates per round, and scores each against the table's optimum.
    /// </summary>
    public static IReadOnlyList<StrategyScore> Run(
        TabularBenchmark table,
        ISearchSpace space,
        IReadOnlyList<BenchmarkedStrategy> strategies,
        int queries,
        int seeds,
        int batch = 1,
        int? maxParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount };
        var scores = new List<StrategyScore>(strategies.Count);
        foreach (var strategy in strategies)
        {
            var clock = Stopwatch.StartNew();
            var best = new double[seeds];
            var used = new int[seeds];
            Parallel.For(0, seeds, parallel, seed =>
            {
                var instance = strategy.Create(space);
                try
                {
                    (best[seed], used[seed]) = RunOne(table, space, instance, queries, seed, batch);
                }
                finally
                {
                    (instance as IDisposable)?.Dispose();
                }
            });
            clock.Stop();
            scores.Add(Score(strategy.Name, best, used, table.Optimum, clock.Elapsed.TotalSeconds));
        }

        return scores;
    }

    /// <summary>One seed: the best table value found within the budget (negative infinity if nothing was found) and the queries used.</summary>
    public static (double Best, int Queries) RunOne(TabularBenchmark table, ISearchSpace space, ISearchStrategy strategy, int queries, int seed, int batch)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(strategy);
        var measured = new HashSet<string>(StringComparer.Ordinal);
        var best = double.NegativeInfinity;
        var fidelity = new Fidelity(1, 1.0);
        var idleRounds = 0;
        for (var round = 0; measured.Count < queries && !strategy.IsExhausted && idleRounds < 10; round++)
        {
            var before = measured.Count;
            var random = SeedSequence.CreateRandom(seed, round);
            var candidates = strategy.Propose(Math.Min(batch, queries - measured.Count), random);
            var outcomes = new List<TrialOutcome>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var canonical = candidate.Architecture.Canonical;
                var value = table.Lookup(canonical);
                if (measured.Count < queries && measured.Add(canonical) && value is { } found)
                {
                    best = Math.Max(best, found);
                }

                outcomes.Add(new TrialOutcome($"r{round:0000}-c{outcomes.Count:00}", candidate.Architecture, fidelity, value));
            }

            idleRounds = measured.Count == before ? idleRounds + 1 : 0;
            strategy.Learn(outcomes, SeedSequence.CreateRandom(seed, round, 1));
        }

        return (best, measured.Count);
    }

    private static StrategyScore Score(string name, double[] best, int[] used, double optimum, double seconds)
    {
        var mean = best.Average();
        var sd = best.Length > 1 ? Math.Sqrt(best.Sum(b => (b - mean) * (b - mean)) / (best.Length - 1)) : 0;
        var share = best.Count(b => b >= optimum) / (double)best.Length;
        return new StrategyScore(name, mean, sd, share, seconds, best, used.Average());
    }
}

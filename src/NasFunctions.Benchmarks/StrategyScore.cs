namespace NasFunctions.Benchmarks;

/// <summary>How one strategy did over all seeds of a benchmark run.</summary>
/// <param name="Strategy">The strategy's report name.</param>
/// <param name="Mean">Mean over seeds of the best table value found.</param>
/// <param name="StandardDeviation">Sample standard deviation over seeds of the best value found (0 for one seed).</param>
/// <param name="OptimumShare">Share of seeds, in [0, 1], whose best value is the table's optimum.</param>
/// <param name="Seconds">Wall-clock seconds for all of this strategy's seeds.</param>
/// <param name="BestPerSeed">The best value found by each seed, in seed order.</param>
/// <param name="MeanQueries">Mean number of distinct architectures looked up per seed (below the budget only when a strategy ran dry).</param>
public sealed record StrategyScore(
    string Strategy,
    double Mean,
    double StandardDeviation,
    double OptimumShare,
    double Seconds,
    IReadOnlyList<double> BestPerSeed,
    double MeanQueries);

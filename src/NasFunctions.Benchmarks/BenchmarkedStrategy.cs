using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks;

/// <summary>A strategy to benchmark: its report name and how to make a fresh instance over a space.</summary>
/// <param name="Name">The name printed in the report, for example <c>evolution</c>.</param>
/// <param name="Create">Makes a new, untrained instance; called once per seed, possibly from several threads at once.</param>
public sealed record BenchmarkedStrategy(string Name, Func<ISearchSpace, ISearchStrategy> Create)
{
    /// <summary>A strategy from <see cref="StrategyCatalog"/> with its default options.</summary>
    /// <exception cref="ArgumentException">The catalog does not know <paramref name="name"/>.</exception>
    public static BenchmarkedStrategy FromCatalog(string name) => new(name, space =>
    {
        var errors = new List<SpecError>();
        return StrategyCatalog.Create(name, null, space, new Fidelity(1, 1.0), "$.strategy", errors)
            ?? throw new ArgumentException(string.Join("; ", errors), nameof(name));
    });

    /// <summary>
    /// The catalog's strategies a lookup table can score: all but the multi-fidelity ones (<c>halving</c>, <c>hyperband</c>),
    /// since a table holds one fidelity and they have nothing to halve (<c>nas bench fidelity</c> measures them on real training).
    /// </summary>
    public static IReadOnlyList<string> TableNames { get; } =
        [.. StrategyCatalog.Names.Except([Strategy.MultiFidelity.SuccessiveHalving.StrategyName, Strategy.MultiFidelity.Hyperband.StrategyName])];

    /// <summary>Every strategy of <see cref="TableNames"/>, in catalog order, each with its default options.</summary>
    public static IReadOnlyList<BenchmarkedStrategy> Catalog() => [.. TableNames.Select(FromCatalog)];
}

using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests;

/// <summary>
/// A generated benchmark: <c>decisions</c> decisions of <c>choices</c> values each, and a fitness that is a sum of per-decision
/// scores plus a fixed per-architecture noise, so strategies can be compared without a table.
/// </summary>
internal sealed class SyntheticProblem
{
    private readonly double[][] _scores;
    private readonly double _noise;

    public SyntheticProblem(int decisions = 6, int choices = 5, double noise = 0.3, int seed = 7)
    {
        var random = new Random(seed);
        Space = new GridSpace(decisions, choices);
        _scores = [.. Enumerable.Range(0, decisions).Select(_ => Enumerable.Range(0, choices).Select(_ => random.NextDouble()).ToArray())];
        _noise = noise;
    }

    public GridSpace Space { get; }

    public double Fitness(Architecture architecture)
    {
        var total = 0.0;
        for (var i = 0; i < _scores.Length; i++)
        {
            total += _scores[i][int.Parse(architecture.Choices[GridSpace.Label(i)], System.Globalization.CultureInfo.InvariantCulture)];
        }

        return total + (_noise * new Random(Fnv(architecture.Canonical)).NextDouble());
    }

    /// <summary>The best fitness <paramref name="strategy"/> finds in <paramref name="queries"/> distinct measurements.</summary>
    public double BestFound(ISearchStrategy strategy, int queries, int seed, int batch = 1)
    {
        var best = double.NegativeInfinity;
        var measured = new HashSet<string>();
        for (var round = 0; measured.Count < queries && round < queries * 4; round++)
        {
            var candidates = strategy.Propose(Math.Min(batch, queries - measured.Count), SeedSequence.CreateRandom(seed, round));
            var outcomes = new List<TrialOutcome>();
            foreach (var candidate in candidates)
            {
                measured.Add(candidate.Architecture.Canonical).ShouldBeTrue("a query was spent twice");
                var fitness = Fitness(candidate.Architecture);
                best = Math.Max(best, fitness);
                outcomes.Add(new TrialOutcome($"r{round}-c{outcomes.Count}", candidate.Architecture, candidate.Fidelity, fitness));
            }

            strategy.Learn(outcomes, SeedSequence.CreateRandom(seed, round, 1));
        }

        return best;
    }

    private static int Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>Every decision <c>d{i}</c> takes the values <c>0</c> to <c>choices - 1</c>; the canonical string joins them with dots.</summary>
    internal sealed class GridSpace(int decisions, int choices) : IFiniteSearchSpace
    {
        public string Kind => "grid";

        public IReadOnlyList<Decision> Decisions { get; } =
            [.. Enumerable.Range(0, decisions).Select(i => new Decision(Label(i), [.. Enumerable.Range(0, choices).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]))];

        public long Size => (long)Math.Pow(choices, decisions);

        public static string Label(int i) => $"d{i}";

        public Architecture Create(IReadOnlyDictionary<string, string> choices) =>
            new(string.Join('.', Decisions.Select(d => choices[d.Label])), Decisions.ToDictionary(d => d.Label, d => choices[d.Label]));

        public Architecture Parse(string canonical)
        {
            var parts = canonical.Split('.');
            return Create(Decisions.Select((d, i) => (d.Label, parts[i])).ToDictionary(p => p.Label, p => p.Item2));
        }
    }
}

using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests.Progressive;

/// <summary>A random fitness over a space's decisions: a score per choice plus a score per pair of choices.</summary>
internal sealed class SyntheticFitness
{
    private readonly IReadOnlyList<Decision> _decisions;
    private readonly Dictionary<(int Decision, string Value), double> _single = [];
    private readonly Dictionary<(int First, string FirstValue, int Second, string SecondValue), double> _pairs = [];

    public SyntheticFitness(IReadOnlyList<Decision> decisions, int seed, double pairScale = 0.5)
    {
        _decisions = decisions;
        var random = new Random(seed);
        for (var d = 0; d < decisions.Count; d++)
        {
            foreach (var value in decisions[d].Choices)
            {
                _single[(d, value)] = Normal(random);
            }
        }

        for (var a = 0; a < decisions.Count; a++)
        {
            for (var b = a + 1; b < decisions.Count; b++)
            {
                foreach (var va in decisions[a].Choices)
                {
                    foreach (var vb in decisions[b].Choices)
                    {
                        _pairs[(a, va, b, vb)] = pairScale * Normal(random);
                    }
                }
            }
        }
    }

    public double Of(Architecture architecture)
    {
        var sum = 0.0;
        for (var a = 0; a < _decisions.Count; a++)
        {
            var va = architecture.Choices[_decisions[a].Label];
            sum += _single[(a, va)];
            for (var b = a + 1; b < _decisions.Count; b++)
            {
                sum += _pairs[(a, va, b, architecture.Choices[_decisions[b].Label])];
            }
        }

        return sum;
    }

    /// <summary>Runs <paramref name="strategy"/> for <paramref name="queries"/> queries in batches; returns every measured architecture in order.</summary>
    public List<Architecture> Search(ISearchStrategy strategy, int queries, int batch, int seed)
    {
        var measured = new List<Architecture>();
        for (var round = 0; measured.Count < queries && !strategy.IsExhausted; round++)
        {
            var candidates = strategy.Propose(Math.Min(batch, queries - measured.Count), SeedSequence.CreateRandom(seed, round));
            measured.AddRange(candidates.Select(c => c.Architecture));
            strategy.Learn(
                [.. candidates.Select((c, i) => new TrialOutcome($"r{round:0000}-c{i:00}", c.Architecture, c.Fidelity, Of(c.Architecture)))],
                SeedSequence.CreateRandom(seed, round, 1));
        }

        return measured;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

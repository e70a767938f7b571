using System.Globalization;
using System.Text;
using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace;

namespace NasFunctions.Benchmarks.Tests;

/// <summary>A small generated space (decisions <c>d0..</c> with values <c>0..</c>) and a table of an additive score for all of it.</summary>
internal sealed class GridTable : IFiniteSearchSpace
{
    public GridTable(int decisions, int choices, int seed)
    {
        Decisions = [.. Enumerable.Range(0, decisions).Select(i => new Decision($"d{i}", [.. Enumerable.Range(0, choices).Select(c => c.ToString(CultureInfo.InvariantCulture))]))];
        var random = new Random(seed);
        var scores = Decisions.Select(_ => Enumerable.Range(0, choices).Select(_ => Math.Round(random.NextDouble() * 10, 2)).ToArray()).ToArray();
        var csv = new StringBuilder("arch,score\n");
        for (long i = 0; i < Size; i++)
        {
            var architecture = Create(DecisionGrid.ChoicesAt(Decisions, i));
            var score = Decisions.Select((d, k) => scores[k][int.Parse(architecture.Choices[d.Label], CultureInfo.InvariantCulture)]).Sum();
            csv.Append(CultureInfo.InvariantCulture, $"{architecture.Canonical},{score + Math.Round(random.NextDouble(), 2)}\n");
        }

        Table = TabularBenchmark.Parse(new StringReader(csv.ToString()));
    }

    public TabularBenchmark Table { get; }

    public string Kind => "grid";

    public IReadOnlyList<Decision> Decisions { get; }

    public long Size => DecisionGrid.Count(Decisions);

    public Architecture Create(IReadOnlyDictionary<string, string> choices) =>
        new(string.Join('-', Decisions.Select(d => choices[d.Label])), Decisions.ToDictionary(d => d.Label, d => choices[d.Label]));

    public Architecture Parse(string canonical)
    {
        var parts = canonical.Split('-');
        return Create(Decisions.Select((d, i) => (d.Label, Value: parts[i])).ToDictionary(p => p.Label, p => p.Value));
    }
}

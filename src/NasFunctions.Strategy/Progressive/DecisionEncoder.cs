using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>Writes an architecture as the index of its value in each of the space's decisions.</summary>
internal sealed class DecisionEncoder
{
    private readonly IReadOnlyList<Decision> _decisions;
    private readonly Dictionary<string, int>[] _indices;

    public DecisionEncoder(IReadOnlyList<Decision> decisions)
    {
        _decisions = decisions;
        _indices = [.. decisions.Select(d => d.Choices.Select((value, index) => (value, index))
            .GroupBy(p => p.value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal))];
        Cardinalities = [.. decisions.Select(d => d.Choices.Count)];
    }

    /// <summary>The number of values of each decision.</summary>
    public int[] Cardinalities { get; }

    /// <summary>The choice index per decision (0 for a decision the architecture does not name).</summary>
    public int[] Encode(Architecture architecture)
    {
        var code = new int[_decisions.Count];
        for (var d = 0; d < code.Length; d++)
        {
            code[d] = architecture.Choices.TryGetValue(_decisions[d].Label, out var value) && _indices[d].TryGetValue(value, out var index)
                ? index
                : 0;
        }

        return code;
    }
}

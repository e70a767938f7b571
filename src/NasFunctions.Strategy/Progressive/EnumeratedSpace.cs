using System.Runtime.CompilerServices;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>Every distinct architecture of a small space, with its choice indices and complexity, listed once per space.</summary>
internal sealed class EnumeratedSpace
{
    private static readonly ConditionalWeakTable<ISearchSpace, EnumeratedSpace> Cache = [];

    private readonly ISearchSpace _space;
    private readonly long[] _gridIndices;
    private readonly Dictionary<string, int> _byCanonical;

    private EnumeratedSpace(ISearchSpace space)
    {
        _space = space;
        var growth = space.AsGrowable();
        var encoder = new DecisionEncoder(space.Decisions);
        var combinations = DecisionGrid.Count(space.Decisions);
        var canonicals = new List<string>();
        var codes = new List<int[]>();
        var complexities = new List<int>();
        var gridIndices = new List<long>();
        _byCanonical = new Dictionary<string, int>(StringComparer.Ordinal);
        for (long i = 0; i < combinations; i++)
        {
            var architecture = space.Create(DecisionGrid.ChoicesAt(space.Decisions, i));
            if (_byCanonical.TryAdd(architecture.Canonical, canonicals.Count))
            {
                canonicals.Add(architecture.Canonical);
                codes.Add(encoder.Encode(architecture));
                complexities.Add(growth.Complexity(architecture));
                gridIndices.Add(i);
            }
        }

        Canonicals = canonicals;
        Codes = codes;
        Complexities = [.. complexities];
        _gridIndices = [.. gridIndices];
        MaxComplexity = Complexities.Length == 0 ? 0 : Complexities.Max();
    }

    /// <summary>The canonical strings, in enumeration order.</summary>
    public IReadOnlyList<string> Canonicals { get; }

    /// <summary>The choice indices of each architecture.</summary>
    public IReadOnlyList<int[]> Codes { get; }

    /// <summary>The complexity of each architecture.</summary>
    public int[] Complexities { get; }

    /// <summary>The largest complexity of any architecture.</summary>
    public int MaxComplexity { get; }

    /// <summary>The number of distinct architectures.</summary>
    public int Count => Canonicals.Count;

    /// <summary>The listing of <paramref name="space"/>, made on first use and then shared.</summary>
    public static EnumeratedSpace Of(ISearchSpace space) => Cache.GetValue(space, s => new EnumeratedSpace(s));

    /// <summary>The position of a canonical string, or -1 when it is not an architecture of the space.</summary>
    public int IndexOf(string canonical) => _byCanonical.TryGetValue(canonical, out var index) ? index : -1;

    /// <summary>Builds the architecture at <paramref name="index"/>.</summary>
    public Architecture Create(int index) => _space.Create(DecisionGrid.ChoicesAt(_space.Decisions, _gridIndices[index]));
}

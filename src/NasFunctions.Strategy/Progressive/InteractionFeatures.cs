namespace NasFunctions.Strategy.Progressive;

/// <summary>One-hot features of single decisions and of every pair (and triple) of decisions, numbered in one flat table.</summary>
/// <remarks>
/// A feature is a set of up to <see cref="Order"/> decisions together with one value for each; an architecture has exactly one
/// active feature per decision set. Two architectures that agree on m decisions share C(m, j) features of order j.
/// </remarks>
internal sealed class InteractionFeatures
{
    private readonly int[][] _subsets;
    private readonly int[] _offsets;
    private readonly int[] _cardinalities;

    public InteractionFeatures(IReadOnlyList<int> cardinalities, int order)
    {
        _cardinalities = [.. cardinalities];
        Decisions = _cardinalities.Length;
        Order = Math.Min(order, Decisions);
        var subsets = new List<int[]>();
        for (var size = 1; size <= Order; size++)
        {
            subsets.AddRange(Combinations(Decisions, size));
        }

        _subsets = [.. subsets];
        _offsets = new int[_subsets.Length];
        var offset = 0;
        for (var s = 0; s < _subsets.Length; s++)
        {
            _offsets[s] = offset;
            offset += _subsets[s].Aggregate(1, (product, d) => product * _cardinalities[d]);
        }

        Count = offset;
        SubsetOrders = [.. _subsets.Select(s => s.Length)];
        FeatureOrders = new int[Count];
        for (var s = 0; s < _subsets.Length; s++)
        {
            var end = s + 1 < _subsets.Length ? _offsets[s + 1] : Count;
            Array.Fill(FeatureOrders, SubsetOrders[s], _offsets[s], end - _offsets[s]);
        }
    }

    /// <summary>The number of decisions.</summary>
    public int Decisions { get; }

    /// <summary>The largest decision set a feature spans (1 to 3, at most the number of decisions).</summary>
    public int Order { get; }

    /// <summary>The number of features in the flat table.</summary>
    public int Count { get; }

    /// <summary>The size of each decision set, in the order of <see cref="Active"/>'s result.</summary>
    public int[] SubsetOrders { get; }

    /// <summary>The size of the decision set of each feature, by feature index.</summary>
    public int[] FeatureOrders { get; }

    /// <summary>The number of decision sets: the features active in one architecture.</summary>
    public int ActiveCount => _subsets.Length;

    /// <summary>Binomial coefficient C(n, k) as a double.</summary>
    public static double Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    /// <summary>The index of the active feature of every decision set, for an architecture's choice indices.</summary>
    public int[] Active(int[] code)
    {
        var active = new int[_subsets.Length];
        for (var s = 0; s < _subsets.Length; s++)
        {
            var index = 0;
            foreach (var d in _subsets[s])
            {
                index = (index * _cardinalities[d]) + code[d];
            }

            active[s] = _offsets[s] + index;
        }

        return active;
    }

    private static IEnumerable<int[]> Combinations(int n, int size)
    {
        var current = new int[size];
        return Walk(0, 0);

        IEnumerable<int[]> Walk(int position, int start)
        {
            if (position == size)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var d = start; d < n; d++)
            {
                current[position] = d;
                foreach (var combination in Walk(position + 1, d + 1))
                {
                    yield return combination;
                }
            }
        }
    }
}

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>The adjacent symbol pairs of a word list and how often each occurs: what byte-pair encoding learns from.</summary>
/// <remarks>
/// Counts are kept up to date as pairs merge: only the words holding the merged pair are recounted, and the most frequent
/// pair is found through a priority queue whose stale entries are skipped, so learning a large vocabulary stays fast.
/// </remarks>
internal sealed class PairCounts
{
    private readonly List<string>[] _words;
    private readonly int[] _frequencies;
    private readonly Dictionary<(string Left, string Right), int> _counts = [];
    private readonly Dictionary<(string Left, string Right), HashSet<int>> _holders = [];
    private readonly PriorityQueue<(string Left, string Right), (int Count, string Left, string Right)> _queue = new(Order.Instance);

    /// <summary>Counts the pairs of <paramref name="words"/> (their symbols, changed in place as pairs merge), each word weighted.</summary>
    public PairCounts(List<string>[] words, int[] frequencies)
    {
        _words = words;
        _frequencies = frequencies;
        var all = new HashSet<(string, string)>();
        for (var w = 0; w < words.Length; w++)
        {
            Add(w, +1, all);
        }

        foreach (var (pair, count) in _counts)
        {
            _queue.Enqueue(pair, (count, pair.Left, pair.Right));
        }
    }

    /// <summary>
    /// While <paramref name="go"/> holds, merges the most frequent pair occurring at least twice (ties in ordinal order) and
    /// tells <paramref name="merged"/>, whose answer says whether to go on.
    /// </summary>
    public void MergeWhile(bool go, Func<(string Left, string Right), bool> merged)
    {
        var changed = new HashSet<(string Left, string Right)>();
        while (go && Next() is { } pair)
        {
            changed.Clear();
            foreach (var w in _holders[pair].ToArray())
            {
                Add(w, -1, changed);
                MergeInto(_words[w], pair.Left, pair.Right);
                Add(w, +1, changed);
            }

            foreach (var other in changed)
            {
                if (_counts.GetValueOrDefault(other) is var count and >= 2)
                {
                    _queue.Enqueue(other, (count, other.Left, other.Right));
                }
            }

            go = merged(pair);
        }
    }

    /// <summary>Merges every occurrence of (left, right) in <paramref name="symbols"/>, left to right.</summary>
    public static void MergeInto(List<string> symbols, string left, string right)
    {
        var write = 0;
        for (var read = 0; read < symbols.Count; read++)
        {
            if (read + 1 < symbols.Count && symbols[read] == left && symbols[read + 1] == right)
            {
                symbols[write++] = left + right;
                read++;
            }
            else
            {
                symbols[write++] = symbols[read];
            }
        }

        symbols.RemoveRange(write, symbols.Count - write);
    }

    private (string Left, string Right)? Next()
    {
        while (_queue.TryDequeue(out var pair, out var priority))
        {
            if (_counts.GetValueOrDefault(pair) == priority.Count && priority.Count >= 2)
            {
                return pair;
            }
        }

        return null;
    }

    private void Add(int w, int sign, HashSet<(string Left, string Right)> changed)
    {
        var symbols = _words[w];
        for (var i = 0; i + 1 < symbols.Count; i++)
        {
            if (!SubwordTokenizer.Mergeable(symbols[i]) || !SubwordTokenizer.Mergeable(symbols[i + 1]))
            {
                continue;
            }

            var pair = (symbols[i], symbols[i + 1]);
            _counts[pair] = _counts.GetValueOrDefault(pair) + (sign * _frequencies[w]);
            if (sign > 0)
            {
                if (!_holders.TryGetValue(pair, out var holders))
                {
                    _holders[pair] = holders = [];
                }

                holders.Add(w);
            }

            changed.Add(pair);
        }
    }

    private sealed class Order : IComparer<(int Count, string Left, string Right)>
    {
        public static Order Instance { get; } = new();

        public int Compare((int Count, string Left, string Right) x, (int Count, string Left, string Right) y)
        {
            var byCount = y.Count.CompareTo(x.Count);
            if (byCount != 0)
            {
                return byCount;
            }

            var byLeft = string.CompareOrdinal(x.Left, y.Left);
            return byLeft != 0 ? byLeft : string.CompareOrdinal(x.Right, y.Right);
        }
    }
}

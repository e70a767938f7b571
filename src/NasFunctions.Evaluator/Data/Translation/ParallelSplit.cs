namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>One split of a parallel corpus: its pairs, and each side's token ids (without begin or end marks).</summary>
public sealed class ParallelSplit
{
    /// <summary>Creates a split from pairs and their ids, one id sequence per pair and side.</summary>
    public ParallelSplit(IReadOnlyList<TextPair> pairs, int[][] sourceIds, int[][] targetIds)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(sourceIds);
        ArgumentNullException.ThrowIfNull(targetIds);
        if (sourceIds.Length != pairs.Count || targetIds.Length != pairs.Count)
        {
            throw new ArgumentException($"{pairs.Count} pairs need as many source and target id sequences ({sourceIds.Length}, {targetIds.Length}).");
        }

        Pairs = pairs;
        SourceIds = sourceIds;
        TargetIds = targetIds;
    }

    /// <summary>Number of pairs.</summary>
    public int Count => Pairs.Count;

    /// <summary>The pairs, as read.</summary>
    public IReadOnlyList<TextPair> Pairs { get; }

    /// <summary>The source side's token ids, per pair.</summary>
    public int[][] SourceIds { get; }

    /// <summary>The target side's token ids, per pair.</summary>
    public int[][] TargetIds { get; }

    /// <summary>
    /// Each distinct source once, in order of first appearance, with every target the split gives it: what a decoded
    /// hypothesis is scored against (BLEU's references; for a word with two pronunciations, either counts).
    /// </summary>
    public IReadOnlyList<(int Pair, IReadOnlyList<string> References)> References()
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var references = new List<(int, List<string>)>();
        for (var i = 0; i < Pairs.Count; i++)
        {
            if (first.TryGetValue(Pairs[i].Source, out var at))
            {
                references[at].Item2.Add(Pairs[i].Target);
                continue;
            }

            first[Pairs[i].Source] = references.Count;
            references.Add((i, [Pairs[i].Target]));
        }

        return references.Select(r => (r.Item1, (IReadOnlyList<string>)r.Item2)).ToArray();
    }

    /// <summary>A copy holding the first <paramref name="count"/> pairs (all of them when there are fewer).</summary>
    public ParallelSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return new ParallelSplit(Pairs.Take(n).ToArray(), SourceIds[..n], TargetIds[..n]);
    }
}

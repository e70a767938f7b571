namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>The Levenshtein distance between two token sequences: the fewest insertions, deletions and substitutions between them.</summary>
public static class EditDistance
{
    /// <summary>The distance from <paramref name="hypothesis"/> to <paramref name="reference"/> (tokens compared ordinally).</summary>
    public static int Between(IReadOnlyList<string> hypothesis, IReadOnlyList<string> reference)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(reference);
        var previous = Enumerable.Range(0, reference.Count + 1).ToArray();
        var current = new int[reference.Count + 1];
        for (var i = 1; i <= hypothesis.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= reference.Count; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(hypothesis[i - 1], reference[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[reference.Count];
    }
}

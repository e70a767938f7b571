namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>Error rates of decoded sequences (0-100): whole-sequence errors, and token edit distance over reference length.</summary>
/// <remarks>
/// For grapheme-to-phoneme, a hypothesis is a word's phonemes: <see cref="WordErrorRate"/> is the share of words whose
/// phonemes match none of their references exactly (the word error rate G2P results report), <see cref="TokenErrorRate"/>
/// with phonemes as tokens is the phoneme error rate. With words as tokens, <see cref="TokenErrorRate"/> is the word error
/// rate speech recognition reports. With several references, each hypothesis is scored against its nearest (fewest edits,
/// then the shorter).
/// </remarks>
public static class ErrorRates
{
    /// <summary>Percent of hypotheses equal to none of their references.</summary>
    public static double WordErrorRate(IReadOnlyList<IReadOnlyList<string>> hypotheses, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        Check(hypotheses, references);
        if (hypotheses.Count == 0)
        {
            return 0;
        }

        var wrong = hypotheses.Where((h, i) => !references[i].Any(r => r.SequenceEqual(h, StringComparer.Ordinal))).Count();
        return 100.0 * wrong / hypotheses.Count;
    }

    /// <summary>Edits from each hypothesis to its nearest reference, summed, in percent of those references' tokens.</summary>
    public static double TokenErrorRate(IReadOnlyList<IReadOnlyList<string>> hypotheses, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        Check(hypotheses, references);
        long edits = 0, length = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var nearest = references[i].Select(r => (Edits: EditDistance.Between(hypotheses[i], r), r.Count)).OrderBy(r => r.Edits).ThenBy(r => r.Count).First();
            edits += nearest.Edits;
            length += nearest.Count;
        }

        return length == 0 ? (edits == 0 ? 0 : 100) : 100.0 * edits / length;
    }

    private static void Check(IReadOnlyList<IReadOnlyList<string>> hypotheses, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"{hypotheses.Count} hypotheses need as many reference sets (got {references.Count}).", nameof(references));
        }

        if (references.Any(r => r.Count == 0))
        {
            throw new ArgumentException("Every hypothesis needs at least one reference.", nameof(references));
        }
    }
}

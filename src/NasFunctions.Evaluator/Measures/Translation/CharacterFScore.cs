namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>Corpus chrF (Popović, 2015) as sacreBLEU computes it by default: character n-grams up to 6, β = 2, white space ignored.</summary>
/// <remarks>
/// White space is removed from every sentence; for each order n = 1..6 the hypothesis's n-grams, the reference's and their
/// clipped matches are summed over the corpus. Precision and recall are averaged over the orders where both sides have
/// n-grams, and chrF = (1 + β²) P R / (β² P + R) x 100. With several references, a segment counts the statistics of the
/// reference it scores best against on its own.
/// </remarks>
public static class CharacterFScore
{
    /// <summary>The highest character n-gram order.</summary>
    public const int MaxOrder = 6;

    /// <summary>The weight of recall against precision.</summary>
    public const double Beta = 2;

    /// <summary>chrF (0-100) of hypotheses against their references (one or more per segment).</summary>
    /// <exception cref="ArgumentException">The counts of hypotheses and reference sets differ, or a segment has no reference.</exception>
    public static double Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"{hypotheses.Count} hypotheses need as many reference sets (got {references.Count}).", nameof(references));
        }

        var corpus = new long[3 * MaxOrder];
        for (var s = 0; s < hypotheses.Count; s++)
        {
            if (references[s].Count == 0)
            {
                throw new ArgumentException($"Segment {s} has no reference.", nameof(references));
            }

            var hypothesis = Squeeze(hypotheses[s]);
            var best = references[s].Select(r => Statistics(hypothesis, Squeeze(r))).MaxBy(FScore)!;
            for (var i = 0; i < corpus.Length; i++)
            {
                corpus[i] += best[i];
            }
        }

        return FScore(corpus);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // Per order: hypothesis n-grams, reference n-grams, matches.
    private static long[] Statistics(string hypothesis, string reference)
    {
        var statistics = new long[3 * MaxOrder];
        for (var n = 1; n <= MaxOrder; n++)
        {
            var (ours, theirs) = (Grams(hypothesis, n), Grams(reference, n));
            statistics[3 * (n - 1)] = ours.Values.Sum();
            statistics[(3 * (n - 1)) + 1] = theirs.Values.Sum();
            statistics[(3 * (n - 1)) + 2] = ours.Sum(g => Math.Min(g.Value, theirs.GetValueOrDefault(g.Key)));
        }

        return statistics;
    }

    private static double FScore(long[] statistics)
    {
        double precision = 0, recall = 0;
        var orders = 0;
        for (var i = 0; i < MaxOrder; i++)
        {
            var (hypothesis, reference, matches) = (statistics[3 * i], statistics[(3 * i) + 1], statistics[(3 * i) + 2]);
            if (hypothesis > 0 && reference > 0)
            {
                precision += (double)matches / hypothesis;
                recall += (double)matches / reference;
                orders++;
            }
        }

        if (orders == 0 || precision + recall == 0)
        {
            return 0;
        }

        (precision, recall) = (precision / orders, recall / orders);
        const double b2 = Beta * Beta;
        return 100 * (1 + b2) * precision * recall / ((b2 * precision) + recall);
    }

    private static Dictionary<string, int> Grams(string text, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= text.Length; i++)
        {
            var gram = text.Substring(i, n);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}

namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>Corpus BLEU (Papineni et al., 2002) as sacreBLEU computes it: 13a tokens, n-grams up to 4, clipped counts, brevity penalty.</summary>
/// <remarks>
/// Matches and n-gram totals are summed over the corpus before the precisions are taken; each hypothesis's n-gram counts are
/// clipped by the most any one of its references holds. The reference length of a hypothesis is its closest reference's (the
/// shorter on a tie). BLEU = BP x exp(mean log precision) x 100, with the brevity penalty BP = exp(1 - r / c) when c &lt; r
/// (0 when c is 0). Smoothing is off by default (<see cref="BleuSmoothing.None"/>): an order without a match gives 0.
/// </remarks>
public static class CorpusBleu
{
    /// <summary>The highest n-gram order counted.</summary>
    public const int MaxOrder = 4;

    /// <summary>BLEU of detokenized sentences: each hypothesis and its references are tokenized by <see cref="Tokenizer13a"/> first.</summary>
    /// <param name="hypotheses">One system output per segment.</param>
    /// <param name="references">The references of each segment (one or more each).</param>
    /// <param name="smoothing">How an order without a match is treated; default none.</param>
    /// <param name="lowercase">Compare lowercased text; default false (case matters).</param>
    public static BleuScore Score(
        IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references, BleuSmoothing smoothing = BleuSmoothing.None, bool lowercase = false)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        string[] Tokens(string text) => Tokenizer13a.Tokenize(lowercase ? text.ToLowerInvariant() : text);
        return ScoreTokens(
            hypotheses.Select(Tokens).ToArray(),
            references.Select(r => (IReadOnlyList<IReadOnlyList<string>>)r.Select(Tokens).ToArray()).ToArray(),
            smoothing);
    }

    /// <summary>BLEU of sentences already tokenized (no further tokenization).</summary>
    /// <exception cref="ArgumentException">The counts of hypotheses and reference sets differ, or a segment has no reference.</exception>
    public static BleuScore ScoreTokens(
        IReadOnlyList<IReadOnlyList<string>> hypotheses, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references, BleuSmoothing smoothing = BleuSmoothing.None)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"{hypotheses.Count} hypotheses need as many reference sets (got {references.Count}).", nameof(references));
        }

        var matches = new long[MaxOrder];
        var totals = new long[MaxOrder];
        long hypothesisLength = 0, referenceLength = 0;
        for (var s = 0; s < hypotheses.Count; s++)
        {
            var (hypothesis, refs) = (hypotheses[s], references[s]);
            if (refs.Count == 0)
            {
                throw new ArgumentException($"Segment {s} has no reference.", nameof(references));
            }

            hypothesisLength += hypothesis.Count;
            referenceLength += refs.Select(r => r.Count).OrderBy(r => Math.Abs(r - hypothesis.Count)).ThenBy(r => r).First();
            for (var n = 1; n <= MaxOrder; n++)
            {
                var most = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var reference in refs)
                {
                    foreach (var (gram, count) in NGrams(reference, n))
                    {
                        most[gram] = Math.Max(most.GetValueOrDefault(gram), count);
                    }
                }

                foreach (var (gram, count) in NGrams(hypothesis, n))
                {
                    matches[n - 1] += Math.Min(count, most.GetValueOrDefault(gram));
                }

                totals[n - 1] += Math.Max(0, hypothesis.Count - n + 1);
            }
        }

        return Combine(matches, totals, hypothesisLength, referenceLength, smoothing);
    }

    private static BleuScore Combine(long[] matches, long[] totals, long hypothesisLength, long referenceLength, BleuSmoothing smoothing)
    {
        var precisions = new double[MaxOrder];
        var unmatched = 1.0;
        for (var n = 0; n < MaxOrder; n++)
        {
            if (totals[n] == 0)
            {
                break; // a hypothesis side too short for this order: its precision stays 0, as sacreBLEU leaves it
            }

            precisions[n] = matches[n] > 0 ? 100.0 * matches[n] / totals[n] : smoothing switch
            {
                BleuSmoothing.Floor => 100.0 * 0.1 / totals[n],
                BleuSmoothing.Exponential => 100.0 / ((unmatched *= 2) * totals[n]),
                _ => 0,
            };
        }

        var penalty = hypothesisLength >= referenceLength ? 1.0 : hypothesisLength == 0 ? 0.0 : Math.Exp(1 - ((double)referenceLength / hypothesisLength));
        var score = precisions.Any(p => p <= 0) ? 0.0 : penalty * Math.Exp(precisions.Average(p => Math.Log(p)));
        return new BleuScore(score, precisions, penalty, hypothesisLength, referenceLength);
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join('\u0001', Enumerable.Range(i, n).Select(j => tokens[j]));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}

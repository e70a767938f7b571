namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>How a model's decoded sentences of one split compare with their references, each 0 to 100.</summary>
/// <param name="BleuScore">Corpus BLEU (sacreBLEU's 13a tokens, no smoothing).</param>
/// <param name="ChrF">Corpus chrF (character 6-grams, β = 2).</param>
/// <param name="WordErrorRate">Percent of sentences matching none of their references token for token (for grapheme-to-phoneme: the word error rate).</param>
/// <param name="TokenErrorRate">Token edits to the nearest reference per reference token, in percent (for grapheme-to-phoneme: the phoneme error rate).</param>
/// <param name="Sentences">Distinct sources decoded.</param>
public sealed record TranslationScores(double BleuScore, double ChrF, double WordErrorRate, double TokenErrorRate, int Sentences)
{
    /// <summary>The BLEU metric's name.</summary>
    public const string Bleu = "bleu";

    /// <summary>The word error rate metric's name.</summary>
    public const string Wer = "wer";

    /// <summary>Scores of an empty split.</summary>
    public static TranslationScores None { get; } = new(0, 0, 100, 100, 0);

    /// <summary>The fitness in [0, 1] for <paramref name="metric"/>: BLEU / 100, or (100 - WER) / 100.</summary>
    public double Fitness(string metric) => metric == Wer ? (100 - WordErrorRate) / 100 : BleuScore / 100;
}

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>How a sequence-to-sequence trial decodes and what its fitness is: beam width, length bound, validation sample, the metric, how many test examples it keeps.</summary>
public sealed class DecodingOptions
{
    /// <summary>The metrics a fitness may be: validation BLEU, or 100 - WER.</summary>
    public static IReadOnlyList<string> Metrics { get; } = [TranslationScores.Bleu, TranslationScores.Wer];

    /// <summary>The most decoded test examples a trial keeps.</summary>
    public const int MostExamples = 20;

    /// <summary>Prefixes kept per sentence, 1 (default, greedy) to <see cref="SequenceDecoding.MostBeamWidth"/>.</summary>
    public int BeamWidth { get; set; } = 1;

    /// <summary>The fitness: "bleu" (default; validation BLEU / 100) or "wer" ((100 - validation WER) / 100).</summary>
    public string Metric { get; set; } = TranslationScores.Bleu;

    /// <summary>Decoded test sentences kept with the result, 0 to <see cref="MostExamples"/>; default 5.</summary>
    public int Examples { get; set; } = 5;

    /// <summary>Sentences decoded per forward pass; default 64 (bounds memory).</summary>
    public int Chunk { get; set; } = 64;

    /// <summary>The most distinct validation sources decoded for the fitness (the first of the split), 1 to <see cref="MostSentences"/>; default 500. The test split is decoded whole.</summary>
    public int ValidationSentences { get; set; } = 500;

    /// <summary>The most validation sentences a spec may ask to decode.</summary>
    public const int MostSentences = 1_000_000;

    /// <summary>Tokens every decoded sentence may have whatever its source's length (a in <see cref="DecodingLength"/>), 0 to <see cref="MostLengthBase"/>; default 8.</summary>
    public double LengthBase { get; set; } = 8;

    /// <summary>The largest <see cref="LengthBase"/>.</summary>
    public const double MostLengthBase = 1_000;

    /// <summary>Tokens more per source token (b in <see cref="DecodingLength"/>), 0 to <see cref="MostLengthPerSourceToken"/>; default 1.5 (messages: German runs about 1.2 tokens per English one; grapheme-to-phoneme about 0.85 phonemes per letter).</summary>
    public double LengthPerSourceToken { get; set; } = 1.5;

    /// <summary>The largest <see cref="LengthPerSourceToken"/>.</summary>
    public const double MostLengthPerSourceToken = 100;

    /// <summary>The decoded length bound of a space whose sequences have at most <paramref name="most"/> tokens.</summary>
    public DecodingLength Length(int most) => new(most, LengthBase, LengthPerSourceToken);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BeamWidth is < 1 or > SequenceDecoding.MostBeamWidth)
        {
            errors.Add($"BeamWidth must be from 1 to {SequenceDecoding.MostBeamWidth} (was {BeamWidth}).");
        }

        if (!Metrics.Contains(Metric))
        {
            errors.Add($"Metric must be one of {string.Join(", ", Metrics)} (was '{Metric}').");
        }

        if (Examples is < 0 or > MostExamples)
        {
            errors.Add($"Examples must be from 0 to {MostExamples} (was {Examples}).");
        }

        if (Chunk < 1)
        {
            errors.Add($"Chunk must be at least 1 (was {Chunk}).");
        }

        if (ValidationSentences is < 1 or > MostSentences)
        {
            errors.Add($"ValidationSentences must be from 1 to {MostSentences} (was {ValidationSentences}).");
        }

        if (!(LengthBase is >= 0 and <= MostLengthBase) || !(LengthPerSourceToken is >= 0 and <= MostLengthPerSourceToken))
        {
            errors.Add($"LengthBase must be from 0 to {MostLengthBase} and LengthPerSourceToken from 0 to {MostLengthPerSourceToken} (were {LengthBase}, {LengthPerSourceToken}).");
        }

        return errors;
    }
}

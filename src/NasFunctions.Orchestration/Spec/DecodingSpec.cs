using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Orchestration.Spec;

/// <summary>How a translation search decodes and scores its trials: <c>"decoding": { "beamWidth": 4, "fitness": "wer", "examples": 5, "validationSentences": 500, "lengthBase": 8, "lengthPerSourceToken": 1.5 }</c> (seq2seq only).</summary>
/// <param name="BeamWidth">Prefixes kept per sentence, 1 (greedy, default) to <see cref="SequenceDecoding.MostBeamWidth"/>.</param>
/// <param name="Fitness">"bleu" (default): validation BLEU; or "wer": 100 - validation WER; either divided by 100.</param>
/// <param name="Examples">Decoded test sentences stored with each trial, 0 to <see cref="DecodingOptions.MostExamples"/> (default 5).</param>
/// <param name="ValidationSentences">Distinct validation sources decoded for the fitness (the first), 1 to <see cref="DecodingOptions.MostSentences"/> (default 500).</param>
/// <param name="LengthBase">Tokens any decoded sentence may have (a in <see cref="DecodingLength"/>; default 8).</param>
/// <param name="LengthPerSourceToken">Tokens more per source token (b; default 1.5).</param>
public sealed record DecodingSpec(int BeamWidth, string Fitness, int Examples, int ValidationSentences = 500, double LengthBase = 8, double LengthPerSourceToken = 1.5)
{
    /// <summary>Greedy, BLEU, five examples.</summary>
    public static DecodingSpec Default { get; } = new(1, TranslationScores.Bleu, 5);

    /// <summary>The trainer's options for this spec.</summary>
    public DecodingOptions ToOptions() => new()
    {
        BeamWidth = BeamWidth, Metric = Fitness, Examples = Examples, ValidationSentences = ValidationSentences,
        LengthBase = LengthBase, LengthPerSourceToken = LengthPerSourceToken,
    };
}

using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>What a translation trial measured beyond the shared fields: its metric, the scores of both splits and a few decoded test sentences.</summary>
/// <param name="Metric">The fitness's metric: "bleu" or "wer".</param>
/// <param name="Validation">Scores on the validation split.</param>
/// <param name="Test">Scores on the test split.</param>
/// <param name="Examples">The first decoded test sentences.</param>
public sealed record TrialTranslation(string Metric, TranslationScores Validation, TranslationScores Test, IReadOnlyList<DecodedExample> Examples);

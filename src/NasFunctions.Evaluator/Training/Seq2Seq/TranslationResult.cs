namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>What training one sequence-to-sequence network measured: the shared training result, the translation scores and a few decoded examples.</summary>
/// <param name="Training">
/// The loop's result: its accuracies are the fitness in [0, 1] on validation and test (<see cref="TranslationScores.Fitness"/>),
/// its loss the validation cross-entropy per target token, its FLOPs per target token, its latencies per decoded sentence.
/// </param>
/// <param name="Metric">The fitness's metric: "bleu" or "wer".</param>
/// <param name="Validation">Scores on the validation split.</param>
/// <param name="Test">Scores on the test split.</param>
/// <param name="Examples">The first decoded test sentences.</param>
public sealed record TranslationResult(
    TrainingResult Training, string Metric, TranslationScores Validation, TranslationScores Test, IReadOnlyList<DecodedExample> Examples);

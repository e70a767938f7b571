namespace NasFunctions.Orchestration.Evaluation;

/// <summary>The measures of one trained architecture and its weights.</summary>
/// <param name="ValidationAccuracy">Accuracy on the validation split, in [0, 1]: the fitness.</param>
/// <param name="TestAccuracy">Accuracy on the test split, in [0, 1], recorded for reporting only.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation split.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="TrainSeconds">Wall seconds spent training.</param>
/// <param name="Flops">FLOPs of one forward pass over one sample (a multiply-add counts 2).</param>
/// <param name="LatencyMilliseconds">Host latency of one sample at batch 1, in milliseconds (median of repeats).</param>
/// <param name="LatencyMillisecondsBatch64">Host latency per sample at batch 64, in milliseconds (median of repeats).</param>
/// <param name="Weights">The serialized weights.</param>
/// <param name="EpochsDone">Epochs the weights have been trained for in all (fewer than asked when stopped early).</param>
/// <param name="StartEpoch">Epochs the weights had when this training started (from a checkpoint); 0 for a fresh start.</param>
/// <param name="StoppedEarly">True when early stopping ended the training on a validation plateau.</param>
/// <param name="Translation">
/// A translation trial's scores and examples; null for classification. Its accuracies are then the fitness in [0, 1], its
/// FLOPs per target token and its latencies per decoded sentence.
/// </param>
public sealed record TrialEvaluation(
    double ValidationAccuracy,
    double TestAccuracy,
    double ValidationLoss,
    long Parameters,
    double TrainSeconds,
    long Flops,
    double LatencyMilliseconds,
    double LatencyMillisecondsBatch64,
    byte[] Weights,
    int EpochsDone,
    int StartEpoch = 0,
    bool StoppedEarly = false,
    TrialTranslation? Translation = null);

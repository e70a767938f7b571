using NasFunctions.Evaluator.Training.Augmentation;

namespace NasFunctions.Orchestration.Spec;

/// <summary>How each trial is trained.</summary>
/// <param name="Epochs">Epochs per trial (default 1).</param>
/// <param name="DataFraction">Share of the training split each trial sees, in (0, 1] (default 1).</param>
/// <param name="BatchSize">Mini-batch size (default 128).</param>
/// <param name="LearningRate">The (peak) learning rate: the recipe's unless given (default 0.001, Adam's).</param>
/// <param name="Threads">Torch threads per trial; 0 lets the host decide from its cores and training slots (default 0).</param>
/// <param name="Device"><c>cpu</c> (default), <c>cuda</c>, or <c>auto</c> (CUDA when present).</param>
/// <param name="EarlyStopping">Stops a trial's training when validation accuracy stops improving; null (default) trains every epoch.</param>
/// <param name="Precision">
/// <c>fp32</c> (default) or <c>bf16</c>: bfloat16 computation with float32 master weights, on CUDA only (with <c>auto</c> on a
/// host without CUDA the trial trains in fp32).
/// </param>
/// <param name="Timeout">
/// How long one attempt of a trial may train before it is stopped and recorded as failed (<c>timeout</c>); 1 s to 6 days,
/// seconds or a TimeSpan string; null (default) means <see cref="DefaultTimeout"/>.
/// </param>
/// <param name="Retry">How trials are retried after transient faults; null (default) means <see cref="RetrySpec.Default"/>.</param>
/// <param name="Recipe">The recipe the settings below start from: <c>adam</c> (default) or <c>recommended</c> (see <see cref="Evaluator.Training.TrainingRecipe"/>).</param>
/// <param name="WeightDecay">Weight decay (off biases and norms), resolved from the recipe and <c>training.optimizer.weightDecay</c> (default 0).</param>
/// <param name="Optimizer">The update rule, resolved from the recipe and <c>training.optimizer</c>; null (default) means Adam.</param>
/// <param name="Schedule">The learning-rate schedule, resolved from the recipe and <c>training.schedule</c>; null (default) means constant.</param>
/// <param name="LabelSmoothing">Label smoothing ε of the training loss, 0 to 0.5; 0 (default) is plain cross-entropy.</param>
/// <param name="GradientClip">Bound on the gradients' global L2 norm before each step; 0 (default) clips nothing.</param>
/// <param name="Augmentation">
/// Random changes to training images (<c>"none"</c>, <c>"light"</c>, <c>"standard"</c> or explicit settings, see
/// <see cref="RegularizationSpecReader.Augmentation"/>); null (default) means none. Validation and test images are never changed.
/// </param>
public sealed record TrainingSpec(
    int Epochs,
    double DataFraction,
    int BatchSize,
    double LearningRate,
    int Threads,
    string Device,
    EarlyStoppingSpec? EarlyStopping = null,
    string Precision = "fp32",
    TimeSpan? Timeout = null,
    RetrySpec? Retry = null,
    string Recipe = "adam",
    double WeightDecay = 0,
    Evaluator.Training.Optimizers.OptimizerOptions? Optimizer = null,
    Evaluator.Training.Schedules.ScheduleOptions? Schedule = null,
    double LabelSmoothing = 0,
    double GradientClip = 0,
    ImageAugmentation? Augmentation = null)
{
    /// <summary>The optimizer every trial trains with (treat as read-only).</summary>
    public Evaluator.Training.Optimizers.OptimizerOptions TrialOptimizer => Optimizer ?? new();

    /// <summary>The schedule every trial trains on (treat as read-only).</summary>
    public Evaluator.Training.Schedules.ScheduleOptions TrialSchedule => Schedule ?? new();

    /// <summary>The augmentation trials get: <see cref="Augmentation"/>, or none.</summary>
    public ImageAugmentation TrialAugmentation => Augmentation ?? ImageAugmentation.None;

    /// <summary>The timeout of a trial whose spec names none: 24 hours, so a hung trial never blocks its round for ever.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(24);

    /// <summary>The longest timeout a spec may ask for (durable timers on the Azure Storage backend stay below 7 days).</summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(6);

    /// <summary>The timeout each attempt of a trial gets.</summary>
    public TimeSpan TrialTimeout => Timeout ?? DefaultTimeout;

    /// <summary>The retry policy trials get.</summary>
    public RetrySpec TrialRetry => Retry ?? RetrySpec.Default;

    /// <summary>The precisions a spec may name.</summary>
    public static readonly IReadOnlyList<string> Precisions = Evaluator.Training.TrainingOptions.Precisions;

    /// <summary>The devices a spec may name.</summary>
    public static readonly IReadOnlyList<string> Devices = ["cpu", "cuda", "auto"];

    /// <summary>One epoch on the whole training split, batch 128, Adam at 0.001, on the CPU; no label smoothing, clipping or augmentation.</summary>
    public static TrainingSpec Default { get; } = new(1, 1.0, 128, 1e-3, 0, "cpu");
}

using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;

namespace NasFunctions.Evaluator.Training;

/// <summary>How a network is trained and evaluated: batch size, optimizer, learning-rate schedule, regularization and augmentation, threads, device.</summary>
public sealed class TrainingOptions
{
    /// <summary>Devices <see cref="Device"/> may name.</summary>
    public static IReadOnlyList<string> Devices { get; } = ["auto", "cpu", "cuda"];

    /// <summary>Precisions <see cref="Precision"/> may name.</summary>
    public static IReadOnlyList<string> Precisions { get; } = ["fp32", "bf16"];

    /// <summary>Samples per training batch; default 128.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>The (peak) learning rate: the schedule's rate at its top; default 1e-3.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Weight decay: an L2 penalty for adam and sgd, decoupled for adamw; never on biases and norms; default 0.</summary>
    public double WeightDecay { get; set; }

    /// <summary>The update rule; default Adam (<see cref="OptimizerOptions"/>).</summary>
    public OptimizerOptions Optimizer { get; set; } = new();

    /// <summary>The learning-rate schedule over <see cref="PlannedEpochs"/>; default constant (<see cref="ScheduleOptions"/>).</summary>
    public ScheduleOptions Schedule { get; set; } = new();

    /// <summary>
    /// The epochs the schedule spans: set it to the longest this network may ever train (a halving bracket's top rung), so a
    /// shorter training is the start of that run and a continuation carries on along it; null (default) means the epochs
    /// asked for. Never fewer than those. A checkpoint's plan wins over this one.
    /// </summary>
    public int? PlannedEpochs { get; set; }
    /// <summary>Label smoothing ε of the training loss, in [0, 1) (<see cref="Regularization.SmoothedCrossEntropy"/>); default 0 (plain cross-entropy).</summary>
    public double LabelSmoothing { get; set; }

    /// <summary>Bound on the gradients' global L2 norm before each step (<see cref="Regularization.GradientClipping"/>); default 0 (no clipping).</summary>
    public double GradientClipNorm { get; set; }

    /// <summary>Random changes to training images (<see cref="ImageAugmentation"/>), never to validation or test images; default none. Image data only.</summary>
    public ImageAugmentation Augmentation { get; set; } = ImageAugmentation.None;

    /// <summary>Threads torch computes with; 0 (default) means <see cref="Environment.ProcessorCount"/>. Trainings that ask for different counts never run at once (<see cref="TrainingThreads"/>).</summary>
    public int Threads { get; set; }

    /// <summary>Samples per forward pass when evaluating; default 1000 (bounds memory).</summary>
    public int EvaluationChunk { get; set; } = 1000;

    /// <summary>"cpu" (default), "cuda", or "auto" (CUDA when available, otherwise the CPU).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>
    /// Early stopping: epochs without a validation gain of more than <see cref="EarlyStoppingMinGain"/> after which training
    /// stops; 0 (default) trains every epoch. When on, the validation split is scored after every epoch.
    /// </summary>
    public int EarlyStoppingPatience { get; set; }

    /// <summary>The validation accuracy gain (in [0, 1]) that counts as an improvement for early stopping; default 0.001.</summary>
    public double EarlyStoppingMinGain { get; set; } = 0.001;

    /// <summary>
    /// "fp32" (default), or "bf16": the network computes in bfloat16 while the optimizer keeps float32 master weights; the
    /// weights handed back, and the final scores and latency, are float32. Meant for CUDA hosts (on a CPU without bf16
    /// units it is slower, not faster).
    /// </summary>
    public string Precision { get; set; } = "fp32";

    /// <summary>True when <see cref="Precision"/> is bf16.</summary>
    public bool UsesBFloat16 => Precision == "bf16";

    /// <summary>Untimed forward passes before each latency measurement; default 2.</summary>
    public int LatencyWarmups { get; set; } = 2;

    /// <summary>Timed forward passes per latency measurement (the median is kept); default 5.</summary>
    public int LatencyRepeats { get; set; } = 5;

    /// <summary>The thread count to use: <see cref="Threads"/>, or the processor count when it is 0.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BatchSize < 1)
        {
            errors.Add($"BatchSize must be at least 1 (was {BatchSize}).");
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            errors.Add($"LearningRate must be a positive number (was {LearningRate}).");
        }

        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
        {
            errors.Add($"WeightDecay must be zero or positive (was {WeightDecay}).");
        }

        if (PlannedEpochs is < 1)
        {
            errors.Add($"PlannedEpochs must be at least 1 when set (was {PlannedEpochs}).");
        }

        errors.AddRange(Optimizer?.Validate() ?? ["Optimizer must be set."]);
        errors.AddRange(Schedule?.Validate() ?? ["Schedule must be set."]);
        if (!double.IsFinite(LabelSmoothing) || LabelSmoothing < 0 || LabelSmoothing >= 1)
        {
            errors.Add($"LabelSmoothing must be in [0, 1) (was {LabelSmoothing}).");
        }

        if (!double.IsFinite(GradientClipNorm) || GradientClipNorm < 0)
        {
            errors.Add($"GradientClipNorm must be 0 (off) or positive (was {GradientClipNorm}).");
        }

        if (Augmentation is null || Augmentation.CropPadding < 0 || Augmentation.Cutout < 0)
        {
            errors.Add($"Augmentation must be set (ImageAugmentation.None for none) with CropPadding and Cutout 0 or more (was {Augmentation}).");
        }

        if (Threads < 0)
        {
            errors.Add($"Threads must be 0 (all processors) or positive (was {Threads}).");
        }

        if (EvaluationChunk < 1)
        {
            errors.Add($"EvaluationChunk must be at least 1 (was {EvaluationChunk}).");
        }

        if (EarlyStoppingPatience < 0)
        {
            errors.Add($"EarlyStoppingPatience must be 0 (off) or positive (was {EarlyStoppingPatience}).");
        }

        if (!double.IsFinite(EarlyStoppingMinGain) || EarlyStoppingMinGain < 0 || EarlyStoppingMinGain >= 1)
        {
            errors.Add($"EarlyStoppingMinGain must be in [0, 1) (was {EarlyStoppingMinGain}).");
        }

        if (LatencyWarmups < 0 || LatencyRepeats < 1)
        {
            errors.Add($"LatencyWarmups must be 0 or more and LatencyRepeats at least 1 (were {LatencyWarmups} and {LatencyRepeats}).");
        }

        if (Precision is null || !Precisions.Contains(Precision))
        {
            errors.Add($"Precision must be one of {string.Join(", ", Precisions)} (was '{Precision}').");
        }

        if (Device is null || !Devices.Contains(Device))
        {
            errors.Add($"Device must be one of {string.Join(", ", Devices)} (was '{Device}').");
        }

        return errors;
    }
}

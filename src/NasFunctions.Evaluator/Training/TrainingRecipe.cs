using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;

namespace NasFunctions.Evaluator.Training;

/// <summary>A named set of training settings: the peak learning rate, weight decay, optimizer and schedule.</summary>
/// <param name="Name">The recipe's name: <c>adam</c> or <c>recommended</c>.</param>
/// <param name="LearningRate">The peak learning rate.</param>
/// <param name="WeightDecay">The weight decay (off biases and norms).</param>
/// <param name="Optimizer">The update rule.</param>
/// <param name="Schedule">The learning-rate schedule.</param>
public sealed record TrainingRecipe(string Name, double LearningRate, double WeightDecay, OptimizerOptions Optimizer, ScheduleOptions Schedule)
{
    /// <summary>The recipes a spec may name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["adam", "recommended"];

    /// <summary>Adam at a constant 1e-3 without weight decay: what every trial got before recipes existed, and still the default.</summary>
    public static TrainingRecipe Adam() => new("adam", 1e-3, 0, new OptimizerOptions(), new ScheduleOptions());

    /// <summary>The settings a practitioner would start from for a task, the learning rate scaled to the batch where the rule calls for it.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Images (small CNNs with batch norm): SGD with Nesterov momentum 0.9, peak 0.1 * batch / 256, cosine to zero, weight
    /// decay 5e-4: the recipe of the ResNet and NAS-Bench-201 trainings, and the best of <c>nas bench recipe</c> here.</item>
    /// <item>Feature rows (MLPs): AdamW at 1e-3 with weight decay 0.01 (torch's AdamW default) and a cosine decay; adaptive
    /// rates suit unnormalized depth-1 to depth-4 MLPs better than SGD, and need no batch scaling.</item>
    /// <item>Token sequences (recurrent, convolutional and attention encoders): AdamW at 1e-3, weight decay 0.01, a cosine
    /// decay after a warmup of a tenth of an epoch, which keeps attention and recurrent layers stable in their first steps.</item>
    /// </list>
    /// </remarks>
    public static TrainingRecipe Recommended(ModelInput input, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return input switch
        {
            ModelInput.Images => new("recommended", 0.1 * batchSize / 256, 5e-4, new OptimizerOptions { Name = "sgd", Momentum = 0.9, Nesterov = true },
                new ScheduleOptions { Name = "cosine" }),
            ModelInput.Features => new("recommended", 1e-3, 0.01, new OptimizerOptions { Name = "adamw" }, new ScheduleOptions { Name = "cosine" }),
            _ => new("recommended", 1e-3, 0.01, new OptimizerOptions { Name = "adamw" }, new ScheduleOptions { Name = "cosine", WarmupEpochs = 0.1 }),
        };
    }

    /// <summary>Sets <paramref name="options"/>' learning rate, weight decay, optimizer and schedule to this recipe's.</summary>
    public TrainingOptions ApplyTo(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LearningRate = LearningRate;
        options.WeightDecay = WeightDecay;
        options.Optimizer = Optimizer;
        options.Schedule = Schedule;
        return options;
    }
}

using System.Globalization;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>How one trial trains: the spec's recipe, with the settings its architecture picked in a joint search in their place.</summary>
/// <remarks>
/// A searched optimizer or schedule of the spec's own name keeps the spec's settings for it; another name starts from that
/// rule's defaults (the weight decay stays the spec's unless it is searched too).
/// </remarks>
public static class TrialRecipe
{
    /// <summary>Sets <paramref name="options"/>' batch size, learning rate, weight decay, optimizer and schedule for <paramref name="architecture"/>.</summary>
    public static TrainingOptions Apply(TrainingOptions options, TrainingSpec training, ISearchSpace space, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architecture);
        options.BatchSize = training.BatchSize;
        options.LearningRate = training.LearningRate;
        options.WeightDecay = training.WeightDecay;
        options.Optimizer = training.TrialOptimizer;
        options.Schedule = training.TrialSchedule;
        if (space is not JointSearchSpace joint)
        {
            return options;
        }

        foreach (var (name, value) in joint.SettingsOf(architecture))
        {
            switch (name)
            {
                case "learningRate":
                    options.LearningRate = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "weightDecay":
                    options.WeightDecay = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "batchSize":
                    options.BatchSize = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "optimizer":
                    options.Optimizer = value == training.TrialOptimizer.Name ? training.TrialOptimizer : new OptimizerOptions { Name = value };
                    break;
                case "schedule":
                    options.Schedule = value == training.TrialSchedule.Name ? training.TrialSchedule : new ScheduleOptions { Name = value };
                    break;
                default:
                    throw new ArgumentException($"'{name}' is not a training setting this host can apply.", nameof(architecture));
            }
        }

        return options;
    }
}

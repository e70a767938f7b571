using System.Globalization;
using System.Text;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Benchmarks.Recipe;

/// <summary>Trains one CNN with each candidate recipe for images, the same seed and data for all, and scores each: the check behind the recommended image recipe.</summary>
public static class RecipeBenchmark
{
    /// <summary>The recipes compared: Adam at a constant rate (the default), AdamW with a cosine decay, and the recommended SGD with Nesterov momentum and a cosine decay.</summary>
    public static IReadOnlyList<TrainingRecipe> Candidates(int batchSize) =>
    [
        TrainingRecipe.Adam(),
        new("adamw-cosine", 2e-3, 0.05, new OptimizerOptions { Name = "adamw" }, new ScheduleOptions { Name = "cosine" }),
        TrainingRecipe.Recommended(ModelInput.Images, batchSize) with { Name = "sgd-nesterov-cosine" },
    ];

    /// <summary>Trains the architecture with every candidate on <paramref name="data"/> (already cut to size) and returns one row per recipe.</summary>
    public static IReadOnlyList<RecipeScore> Run(RecipeBenchmarkOptions options, TrainingData data, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var space = new MacroCnnSpace(new MacroCnnSpaceOptions { Channels = [16, 32, 64, 128] });
        var architecture = space.Parse(options.Architecture);
        var scores = new List<RecipeScore>();
        foreach (var recipe in Candidates(options.BatchSize))
        {
            var training = recipe.ApplyTo(new TrainingOptions
            {
                BatchSize = options.BatchSize, Threads = options.Threads, LatencyWarmups = 0, LatencyRepeats = 1, PlannedEpochs = options.Epochs,
            });
            var result = ClassificationTrainer.Train(space, architecture, data, options.Epochs, 1, options.Seed, training, cancellationToken);
            var score = new RecipeScore(recipe.Name, recipe.Optimizer.Name, recipe.Schedule.Name, recipe.LearningRate, recipe.WeightDecay, result.ValidationAccuracy, result.TestAccuracy, result.TrainSeconds);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{score.Recipe}: val {score.Validation * 100:F2}% test {score.Test * 100:F2}% ({score.Seconds:F1} s)"));
            scores.Add(score);
        }

        return scores;
    }

    /// <summary>The scores as a Markdown table.</summary>
    public static string ToTable(IReadOnlyList<RecipeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| recipe | optimizer | schedule | lr | weight decay | val % | test % | seconds |");
        text.Append("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var s in scores)
        {
            text.AppendLine().Append(c, $"| {s.Recipe} | {s.Optimizer} | {s.Schedule} | {s.LearningRate:G4} | {s.WeightDecay:G4} | {s.Validation * 100:F2} | {s.Test * 100:F2} | {s.Seconds:F1} |");
        }

        return text.ToString();
    }

    /// <summary>The scores as JSON: <c>[{"recipe": name, "val": x, "test": x}, ...]</c>, accuracy in percent.</summary>
    public static string ToJson(IReadOnlyList<RecipeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return "[" + string.Join(", ", scores.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"recipe": "{{s.Recipe}}", "val": {{Math.Round(s.Validation * 100, 2)}}, "test": {{Math.Round(s.Test * 100, 2)}}}"""))) + "]";
    }
}

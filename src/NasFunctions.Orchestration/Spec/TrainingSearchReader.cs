using System.Globalization;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Reads <c>training.search</c>: the training settings a search decides along with the network, each written as a custom space's parameter.</summary>
/// <remarks>
/// <c>"search": { "learningRate": { "float": [0.01, 0.2], "log": true, "levels": 5 }, "optimizer": { "choice": ["sgd", "adamw"] } }</c>.
/// Settings: <c>learningRate</c> (each value in (0, 10]), <c>weightDecay</c> ([0, 1]), <c>batchSize</c> (whole, 1 to the
/// host's limit), <c>optimizer</c> and <c>schedule</c> (known names). The search space becomes a <see cref="JointSearchSpace"/>.
/// </remarks>
internal static class TrainingSearchReader
{
    /// <summary>The settings a spec may search.</summary>
    public static IReadOnlyList<string> Names { get; } = ["learningRate", "weightDecay", "batchSize", "optimizer", "schedule"];

    /// <summary>The searched settings, in <see cref="Names"/> order; null when <c>training.search</c> is absent or wrong (errors listed).</summary>
    public static IReadOnlyList<ScalarParameter>? Read(SpecObject training, SpecLimits limits, List<SpecError> errors)
    {
        if (training.Field("search") is not { } element)
        {
            return null;
        }

        var path = training.PathOf("search");
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object of settings to search ({string.Join(", ", Names)}), not {SpecJson.Describe(element)}"));
            return null;
        }

        var before = errors.Count;
        var settings = new List<ScalarParameter>();
        foreach (var property in element.EnumerateObject())
        {
            var at = SpecJson.Property(path, property.Name);
            if (!Names.Contains(property.Name))
            {
                errors.Add(new SpecError(at, $"is not a setting that can be searched (known: {string.Join(", ", Names)})"));
                continue;
            }

            if (JointSearchSpace.ReadSetting(property.Name, property.Value, at, errors) is { } setting)
            {
                var bad = setting.Values.Where(value => !Fits(property.Name, value, limits)).ToList();
                if (bad.Count > 0)
                {
                    errors.Add(new SpecError(at, $"{Rule(property.Name, limits)}, not {string.Join(", ", bad.Select(v => $"'{v}'"))}"));
                }

                settings.Add(setting);
            }
        }

        if (element.EnumerateObject().Any() is false)
        {
            errors.Add(new SpecError(path, $"must name at least one setting ({string.Join(", ", Names)})"));
        }

        return errors.Count > before ? null : [.. settings.OrderBy(s => Names.ToList().IndexOf(s.Name))];
    }

    private static bool Fits(string name, string value, SpecLimits limits)
    {
        var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null;
        return name switch
        {
            "learningRate" => number is > 0 and <= 10,
            "weightDecay" => number is >= 0 and <= 1,
            "batchSize" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var batch) && batch >= 1 && batch <= limits.MaxBatchSize,
            "optimizer" => OptimizerOptions.Names.Contains(value),
            _ => ScheduleOptions.Names.Contains(value),
        };
    }

    private static string Rule(string name, SpecLimits limits) => name switch
    {
        "learningRate" => "learning rates must be greater than 0 and at most 10",
        "weightDecay" => "weight decays must be from 0 to 1",
        "batchSize" => $"batch sizes must be whole numbers from 1 to {limits.MaxBatchSize}",
        "optimizer" => $"optimizers must be among {string.Join(", ", OptimizerOptions.Names)}",
        _ => $"schedules must be among {string.Join(", ", ScheduleOptions.Names)}",
    };
}

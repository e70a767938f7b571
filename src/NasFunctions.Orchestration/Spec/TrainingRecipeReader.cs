using System.Text.Json;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Reads a spec's <c>training.recipe</c>, <c>training.optimizer</c> and <c>training.schedule</c> into one resolved recipe, listing every error.</summary>
/// <remarks>
/// The recipe (<c>adam</c>, the default, or <c>recommended</c>, see <see cref="TrainingRecipe.Recommended"/>) gives every
/// setting; <c>learningRate</c>, <c>optimizer</c> and <c>schedule</c> replace its parts. An <c>optimizer</c> (or <c>schedule</c>)
/// of the recipe's own name keeps the recipe's values for the fields it leaves out; one of another name starts from that
/// rule's defaults (weight decay 0). Either may be a bare name (<c>"optimizer": "sgd"</c>). A field that the named rule has
/// no use for (say <c>momentum</c> for <c>adamw</c>) is an error, not silently dropped.
/// </remarks>
internal static class TrainingRecipeReader
{
    private static readonly string[] AdamNames = ["adam", "adamw"];

    /// <summary>The recipe the spec names, before its parts are replaced; null (with an error) when it cannot be had for the space.</summary>
    public static TrainingRecipe ReadRecipe(SpecObject training, ISearchSpace? space, int batchSize)
    {
        var name = training.String("recipe", "adam", TrainingRecipe.Names);
        if (name != "recommended" || space is null)
        {
            return TrainingRecipe.Adam();
        }

        try
        {
            return TrainingRecipe.Recommended(ModelFactory.InputOf(space), batchSize);
        }
        catch (NotSupportedException)
        {
            training.Error("recipe", $"'recommended' knows the built-in spaces only; give search space '{space.Kind}' an optimizer and schedule of its own");
            return TrainingRecipe.Adam();
        }
    }

    /// <summary>The optimizer and weight decay: the recipe's, with <c>training.optimizer</c>'s fields in their place.</summary>
    public static (OptimizerOptions Optimizer, double WeightDecay) ReadOptimizer(SpecObject training, TrainingRecipe recipe, List<SpecError> errors)
    {
        if (Open(training, "optimizer", errors) is not { } field)
        {
            return (recipe.Optimizer, recipe.WeightDecay);
        }

        var (name, spec) = field;
        name ??= spec?.String("name", recipe.Optimizer.Name, OptimizerOptions.Names) ?? recipe.Optimizer.Name;
        var same = name == recipe.Optimizer.Name;
        var start = same ? recipe.Optimizer : new OptimizerOptions { Name = name };
        var decay = same ? recipe.WeightDecay : 0;
        if (spec is null)
        {
            return (start, decay);
        }

        var (beta1, beta2) = AdamNames.Contains(name) ? ReadBetas(spec, start, errors) : NotFor(spec, "betas", name, "adam and adamw", (start.Beta1, start.Beta2));
        var result = new OptimizerOptions
        {
            Name = name,
            Beta1 = beta1,
            Beta2 = beta2,
            Momentum = name == "sgd" ? Between(spec, errors, "momentum", start.Momentum, 0, 1, maxExclusive: true) : NotFor(spec, "momentum", name, "sgd", start.Momentum),
            Nesterov = name == "sgd" ? spec.Bool("nesterov", start.Nesterov) : NotFor(spec, "nesterov", name, "sgd", start.Nesterov),
            Epsilon = AdamNames.Contains(name) ? Between(spec, errors, "epsilon", start.Epsilon, double.Epsilon, 1) : NotFor(spec, "epsilon", name, "adam and adamw", start.Epsilon),
        };
        decay = Between(spec, errors, "weightDecay", decay, 0, 1);
        spec.RejectUnknown();
        foreach (var problem in result.Validate())
        {
            errors.Add(new SpecError(spec.Path, problem)); // rules across fields (Nesterov without momentum)
        }

        return (result, decay);
    }

    /// <summary>The schedule: the recipe's, with <c>training.schedule</c>'s fields in their place; warmup at most the host's epochs.</summary>
    public static ScheduleOptions ReadSchedule(SpecObject training, TrainingRecipe recipe, SpecLimits limits, List<SpecError> errors)
    {
        if (Open(training, "schedule", errors) is not { } field)
        {
            return recipe.Schedule;
        }

        var (name, spec) = field;
        name ??= spec?.String("name", recipe.Schedule.Name, ScheduleOptions.Names) ?? recipe.Schedule.Name;
        var start = name == recipe.Schedule.Name ? recipe.Schedule : new ScheduleOptions { Name = name };
        if (spec is null)
        {
            return start;
        }

        var result = new ScheduleOptions
        {
            Name = name,
            WarmupEpochs = name != "onecycle" ? Between(spec, errors, "warmupEpochs", start.WarmupEpochs, 0, limits.MaxEpochs) : NotFor(spec, "warmupEpochs", name, "constant, cosine and step (onecycle rises over percentStart)", 0.0),
            MinFactor = name == "cosine" ? Between(spec, errors, "minFactor", start.MinFactor, 0, 1) : NotFor(spec, "minFactor", name, "cosine", start.MinFactor),
            Milestones = name == "step" ? ReadMilestones(spec, start.Milestones, errors) : NotFor(spec, "milestones", name, "step", start.Milestones),
            Gamma = name == "step" ? Between(spec, errors, "gamma", start.Gamma, double.Epsilon, 1, maxExclusive: true) : NotFor(spec, "gamma", name, "step", start.Gamma),
            PercentStart = name == "onecycle" ? Between(spec, errors, "percentStart", start.PercentStart, double.Epsilon, 1, maxExclusive: true) : NotFor(spec, "percentStart", name, "onecycle", start.PercentStart),
            DivFactor = name == "onecycle" ? Between(spec, errors, "divFactor", start.DivFactor, 1, 1e6) : NotFor(spec, "divFactor", name, "onecycle", start.DivFactor),
            FinalDivFactor = name == "onecycle" ? Between(spec, errors, "finalDivFactor", start.FinalDivFactor, 1, 1e9) : NotFor(spec, "finalDivFactor", name, "onecycle", start.FinalDivFactor),
        };
        spec.RejectUnknown();
        return result;
    }

    /// <summary>Adds an error when the warmup does not end before the plan does (the planned epochs of the search's strategy).</summary>
    public static void CheckWarmup(ScheduleOptions schedule, int plannedEpochs, List<SpecError> errors)
    {
        if (schedule.WarmupEpochs > 0 && schedule.WarmupEpochs >= plannedEpochs)
        {
            errors.Add(new SpecError(
                "$.training.schedule.warmupEpochs",
                $"must be less than the {plannedEpochs} epoch(s) the schedule is planned over (training.epochs, or a halving strategy's maxEpochs), not {schedule.WarmupEpochs}"));
        }
    }

    /// <summary>The field as a bare name (checked against the known ones) or as an object; null when absent or neither.</summary>
    private static (string? Name, SpecObject? Spec)? Open(SpecObject training, string field, List<SpecError> errors)
    {
        if (training.Field(field) is not { } element)
        {
            return null;
        }

        var known = field == "optimizer" ? OptimizerOptions.Names : ScheduleOptions.Names;
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = training.String(field, known[0], known);
            return known.Contains(element.GetString()) ? (name, null) : null;
        }

        return SpecObject.From(element, training.PathOf(field), errors) is { } spec ? (null, spec) : null;
    }

    /// <summary>A number field in [min, max] (or [min, max)); the default when absent or wrong.</summary>
    private static double Between(SpecObject spec, List<SpecError> errors, string name, double defaultValue, double min, double max, bool maxExclusive = false)
    {
        if (spec.Field(name) is not { } element || SpecJson.ReadDouble(element, spec.PathOf(name), errors) is not { } value)
        {
            return defaultValue;
        }

        if (value < min || value > max || (maxExclusive && value == max))
        {
            var lower = min == double.Epsilon ? "greater than 0" : $"at least {min}";
            spec.Error(name, $"must be {lower} and {(maxExclusive ? "less than" : "at most")} {max}, not {value}");
            return defaultValue;
        }

        return value;
    }

    private static (double, double) ReadBetas(SpecObject spec, OptimizerOptions start, List<SpecError> errors)
    {
        var path = spec.PathOf("betas");
        if (spec.Field("betas") is not { } element || SpecJson.ReadArray(element, path, errors) is not { } items)
        {
            return (start.Beta1, start.Beta2);
        }

        var values = items.Select((item, i) => SpecJson.ReadDouble(item, SpecJson.Index(path, i), errors)).ToArray();
        if (values.Length != 2 || values.Any(v => v is null))
        {
            if (values.All(v => v is not null))
            {
                spec.Error("betas", $"must be two numbers [beta1, beta2], not {values.Length}");
            }

            return (start.Beta1, start.Beta2);
        }

        if (values.Any(v => v < 0 || v >= 1))
        {
            spec.Error("betas", "must each be at least 0 and less than 1");
            return (start.Beta1, start.Beta2);
        }

        return (values[0]!.Value, values[1]!.Value);
    }

    private static IReadOnlyList<double> ReadMilestones(SpecObject spec, IReadOnlyList<double> start, List<SpecError> errors)
    {
        var path = spec.PathOf("milestones");
        if (spec.Field("milestones") is not { } element || SpecJson.ReadArray(element, path, errors) is not { } items)
        {
            return start;
        }

        var values = items.Select((item, i) => SpecJson.ReadDouble(item, SpecJson.Index(path, i), errors)).ToArray();
        if (values.Any(v => v is null))
        {
            return start;
        }

        var fractions = values.Select(v => v!.Value).ToArray();
        if (fractions.Length is < 1 or > 16 || fractions.Any(f => f <= 0 || f >= 1) || fractions.Zip(fractions.Skip(1)).Any(p => p.Second <= p.First))
        {
            spec.Error("milestones", "must be 1 to 16 increasing fractions of the plan, each greater than 0 and less than 1 (say [0.5, 0.75])");
            return start;
        }

        return fractions;
    }

    /// <summary>Adds an error when the field is present: the named rule has no use for it. Returns the value to keep.</summary>
    private static T NotFor<T>(SpecObject spec, string field, string name, string usedBy, T keep)
    {
        if (spec.Field(field) is not null)
        {
            spec.Error(field, $"is for {usedBy} only, not '{name}'");
        }

        return keep;
    }
}

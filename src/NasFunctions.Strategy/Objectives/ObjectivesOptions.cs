using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Objectives;

/// <summary>Constraints and Pareto objectives of <see cref="ConstrainedStrategy"/>; in a spec, <c>strategy.options.objectives</c>.</summary>
/// <remarks>
/// Constraints read <see cref="TrialOutcome.Metrics"/> by the names <see cref="ParametersMetric"/>, <see cref="FlopsMetric"/>
/// and <see cref="LatencyMetric"/>; a trial that lacks a constrained metric is not judged on it.
/// </remarks>
public sealed class ObjectivesOptions
{
    /// <summary>The metric name of the parameter count.</summary>
    public const string ParametersMetric = "parameters";

    /// <summary>The metric name of the floating-point operations of one forward pass.</summary>
    public const string FlopsMetric = "flops";

    /// <summary>The metric name of the inference latency in milliseconds.</summary>
    public const string LatencyMetric = "latencyMs";

    /// <summary>The Pareto objective name of the trial's fitness (maximized); <c>fitness</c> is a synonym.</summary>
    public const string AccuracyObjective = "accuracy";

    /// <summary>Largest allowed parameter count (<c>maxParameters</c>), above 0; default none.</summary>
    public double? MaxParameters { get; init; }

    /// <summary>Largest allowed FLOPs (<c>maxFlops</c>), above 0; default none.</summary>
    public double? MaxFlops { get; init; }

    /// <summary>Largest allowed latency in milliseconds (<c>maxLatencyMs</c>), above 0; default none.</summary>
    public double? MaxLatencyMs { get; init; }

    /// <summary>The fitness the inner strategy learns for a trial that breaks a constraint (<c>penalty</c>), any finite number; default 0.</summary>
    public double Penalty { get; init; }

    /// <summary>
    /// The objectives of the Pareto front (<c>pareto</c>), at least two distinct names: <c>accuracy</c> (or <c>fitness</c>) is
    /// maximized, any other name is a metric that is minimized; default <c>["accuracy", "parameters"]</c>.
    /// </summary>
    public IReadOnlyList<string> Pareto { get; init; } = [AccuracyObjective, ParametersMetric];

    private static readonly string[] Fields = ["maxParameters", "maxFlops", "maxLatencyMs", "penalty", "pareto"];

    /// <summary>The constraints as (metric name, largest allowed value).</summary>
    public IEnumerable<(string Metric, double Limit)> Constraints()
    {
        if (MaxParameters is { } parameters)
        {
            yield return (ParametersMetric, parameters);
        }

        if (MaxFlops is { } flops)
        {
            yield return (FlopsMetric, flops);
        }

        if (MaxLatencyMs is { } latency)
        {
            yield return (LatencyMetric, latency);
        }
    }

    /// <summary>True when <paramref name="objective"/> names the fitness rather than a metric.</summary>
    public static bool IsFitness(string objective) => objective is AccuracyObjective or "fitness";

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        foreach (var (field, value) in new[] { ("maxParameters", MaxParameters), ("maxFlops", MaxFlops), ("maxLatencyMs", MaxLatencyMs) })
        {
            if (value is { } limit && !(limit > 0 && double.IsFinite(limit)))
            {
                errors.Add(new SpecError(SpecJson.Property(path, field), $"must be a finite number above 0, not {limit}"));
            }
        }

        if (!double.IsFinite(Penalty))
        {
            errors.Add(new SpecError(SpecJson.Property(path, "penalty"), $"must be a finite number, not {Penalty}"));
        }

        var paretoPath = SpecJson.Property(path, "pareto");
        if (Pareto is null || Pareto.Count < 2)
        {
            errors.Add(new SpecError(paretoPath, $"must name at least 2 objectives, not {Pareto?.Count ?? 0}"));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Pareto.Count; i++)
            {
                var name = Pareto[i];
                if (string.IsNullOrWhiteSpace(name))
                {
                    errors.Add(new SpecError(SpecJson.Index(paretoPath, i), "must not be empty"));
                }
                else if (!seen.Add(IsFitness(name) ? AccuracyObjective : name))
                {
                    errors.Add(new SpecError(SpecJson.Index(paretoPath, i), $"objective '{name}' is named twice"));
                }
            }
        }

        return errors;
    }

    /// <summary>Reads the objectives object, appending every problem at its path; null when there was any.</summary>
    public static ObjectivesOptions? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var fields = SpecJson.ReadObject(element, path, Fields, errors);
        if (fields is null)
        {
            return null;
        }

        double? Number(string name) =>
            fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? SpecJson.ReadDouble(value, SpecJson.Property(path, name), errors)
                : null;

        var defaults = new ObjectivesOptions();
        var pareto = defaults.Pareto;
        if (fields.TryGetValue("pareto", out var paretoElement))
        {
            var paretoPath = SpecJson.Property(path, "pareto");
            pareto = SpecJson.ReadArray(paretoElement, paretoPath, errors) is { } items
                ? [.. items.Select((item, i) => SpecJson.ReadString(item, SpecJson.Index(paretoPath, i), errors) ?? string.Empty)]
                : pareto;
        }

        var options = new ObjectivesOptions
        {
            MaxParameters = Number("maxParameters"),
            MaxFlops = Number("maxFlops"),
            MaxLatencyMs = Number("maxLatencyMs"),
            Penalty = Number("penalty") ?? defaults.Penalty,
            Pareto = pareto,
        };
        errors.AddRange(options.Validate(path).Where(e => !errors.Any(x => x.Path == e.Path)));
        return errors.Count > before ? null : options;
    }
}

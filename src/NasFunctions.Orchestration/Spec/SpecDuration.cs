using System.Globalization;
using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Reads a duration field of a spec: a number of seconds (<c>90</c>) or a TimeSpan string (<c>"00:01:30"</c>, <c>"1.00:00:00"</c>).</summary>
internal static class SpecDuration
{
    /// <summary>The field as a duration in [min, max]; null when absent, the default when wrong (recorded as an error).</summary>
    public static TimeSpan? Read(SpecObject spec, string name, TimeSpan defaultValue, TimeSpan min, TimeSpan max)
    {
        if (spec.Field(name) is not { } value)
        {
            return null;
        }

        double? seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
            JsonValueKind.String when value.GetString() is { } text && text.Contains(':', StringComparison.Ordinal)
                && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var parsed) => parsed.TotalSeconds,
            _ => null,
        };
        if (seconds is not { } result)
        {
            spec.Error(name, "must be a number of seconds or a duration such as \"00:30:00\"");
            return defaultValue;
        }

        if (result < min.TotalSeconds || result > max.TotalSeconds)
        {
            spec.Error(name, string.Create(
                CultureInfo.InvariantCulture, $"must be from {min.TotalSeconds:0.###} to {max.TotalSeconds:0.###} seconds, not {result:0.###}"));
            return defaultValue;
        }

        return TimeSpan.FromSeconds(result);
    }
}

using System.Globalization;
using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>
/// Reads a duration field of a spec: a number of seconds (<c>90</c>), a TimeSpan string (<c>"00:01:30"</c>,
/// <c>"1.00:00:00"</c>) or a number with a unit (<c>"90s"</c>, <c>"10m"</c>, <c>"2h"</c>, <c>"1d"</c>).
/// </summary>
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
            JsonValueKind.String when value.GetString() is { } text => WithUnit(text),
            _ => null,
        };
        if (seconds is not { } result)
        {
            spec.Error(name, "must be a number of seconds or a duration such as \"00:30:00\" or \"30m\"");
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

    /// <summary>Seconds of a number with a unit (s, m, h, d), such as <c>"10m"</c>; null for any other text.</summary>
    private static double? WithUnit(string text)
    {
        if (text.Length < 2 || text.Length > 32)
        {
            return null;
        }

        double? unit = text[^1] switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => null,
        };
        return unit is { } scale
            && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number)
                ? number * scale
                : null;
    }
}

using System.Text.Json;

namespace NasFunctions.SearchSpace;

/// <summary>Reads and checks the lists of allowed values in space definitions, reporting every problem at its item's path.</summary>
internal static class SpecLists
{
    /// <summary>Reads every item; null (with an error per bad item) when the field is no array or any item could not be read.</summary>
    public static List<T>? Read<T>(JsonElement element, string path, List<SpecError> errors, Func<JsonElement, string, List<SpecError>, T?> readItem)
        where T : struct
    {
        var items = SpecJson.ReadArray(element, path, errors);
        var values = items?.Select((item, i) => readItem(item, SpecJson.Index(path, i), errors)).ToList();
        return values is null || values.Any(v => v is null) ? null : [.. values.Select(v => v!.Value)];
    }

    /// <summary>Reads every item as a string; null (with an error per bad item) when the field is no array or any item is no string.</summary>
    public static List<string>? ReadStrings(JsonElement element, string path, List<SpecError> errors)
    {
        var items = SpecJson.ReadArray(element, path, errors);
        var values = items?.Select((item, i) => SpecJson.ReadString(item, SpecJson.Index(path, i), errors)).ToList();
        return values is null || values.Any(v => v is null) ? null : [.. values.Select(v => v!)];
    }

    /// <summary>Reports an empty list, every item <paramref name="problem"/> finds fault with, and every repeated item.</summary>
    public static void Check<T>(IReadOnlyList<T>? items, string path, Func<T, string?> problem, Func<T, string> show, List<SpecError> errors)
    {
        if (items is null)
        {
            errors.Add(new SpecError(path, "is required"));
            return;
        }

        if (items.Count == 0)
        {
            errors.Add(new SpecError(path, "must list at least one value"));
            return;
        }

        var seen = new HashSet<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (problem(items[i]) is { } message)
            {
                errors.Add(new SpecError(SpecJson.Index(path, i), message));
            }
            else if (!seen.Add(items[i]))
            {
                errors.Add(new SpecError(SpecJson.Index(path, i), $"repeats {show(items[i])}"));
            }
        }
    }

    /// <summary>Checks a layer-count range: 1 &lt;= min &lt;= max &lt;= <paramref name="most"/>.</summary>
    public static void CheckLayers(int min, int max, int most, string path, List<SpecError> errors)
    {
        if (min < 1 || min > most)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "minLayers"), $"must be from 1 to {most}, not {min}"));
        }

        if (max < 1 || max > most)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "maxLayers"), $"must be from 1 to {most}, not {max}"));
        }
        else if (min > max)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "minLayers"), $"must not exceed maxLayers ({max}), not {min}"));
        }
    }
}

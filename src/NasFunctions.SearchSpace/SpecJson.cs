using System.Globalization;
using System.Text.Json;

namespace NasFunctions.SearchSpace;

/// <summary>Reads the parts of a JSON spec, appending a <see cref="SpecError"/> with its JSON path for every problem found.</summary>
/// <remarks>Readers return null for a value they could not read, so callers go on and report the remaining problems too.</remarks>
public static class SpecJson
{
    /// <summary>The path of a named field below <paramref name="path"/>: <c>$.a.b</c>, or <c>$.a['odd name']</c>.</summary>
    public static string Property(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The path of an array item below <paramref name="path"/>: <c>$.a[3]</c>.</summary>
    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Describes what a JSON value is, for messages: "a string", "an array", "null", ...</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Reads an object's fields, reporting unknown and repeated field names; null (and an error) when it is no object.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? ReadObject(
        JsonElement element, string path, IReadOnlyList<string> knownFields, List<SpecError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object, not {Describe(element)}"));
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = Property(path, property.Name);
            if (!knownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                var near = knownFields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                errors.Add(new SpecError(at, near is null
                    ? $"unknown field; known fields: {string.Join(", ", knownFields)}"
                    : $"unknown field; names are case-sensitive, did you mean '{near}'?"));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(new SpecError(at, "field appears more than once"));
            }
        }

        return fields;
    }

    /// <summary>Reads a whole number that fits an <see cref="int"/>.</summary>
    public static int? ReadInt(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        errors.Add(new SpecError(path, element.ValueKind == JsonValueKind.Number
            ? $"must be a whole number from {int.MinValue} to {int.MaxValue}, not {element.GetRawText()}"
            : $"must be a whole number, not {Describe(element)}"));
        return null;
    }

    /// <summary>Reads a whole number that fits a <see cref="long"/>.</summary>
    public static long? ReadLong(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value))
        {
            return value;
        }

        errors.Add(new SpecError(path, element.ValueKind == JsonValueKind.Number
            ? $"must be a whole number from {long.MinValue} to {long.MaxValue}, not {element.GetRawText()}"
            : $"must be a whole number, not {Describe(element)}"));
        return null;
    }

    /// <summary>Reads a finite number.</summary>
    public static double? ReadDouble(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new SpecError(path, $"must be a finite number, not {Describe(element)}"));
        return null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool? ReadBool(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add(new SpecError(path, $"must be true or false, not {Describe(element)}"));
        return null;
    }

    /// <summary>Reads a string.</summary>
    public static string? ReadString(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        errors.Add(new SpecError(path, $"must be a string, not {Describe(element)}"));
        return null;
    }

    /// <summary>Reads an array's items (each still to be read, at <see cref="Index"/>); null (and an error) when it is no array.</summary>
    public static IReadOnlyList<JsonElement>? ReadArray(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return [.. element.EnumerateArray()];
        }

        errors.Add(new SpecError(path, $"must be an array, not {Describe(element)}"));
        return null;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

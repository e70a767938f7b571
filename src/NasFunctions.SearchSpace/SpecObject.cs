using System.Text.Json;

namespace NasFunctions.SearchSpace;

/// <summary>One JSON object of a spec, read field by field with defaults and ranges; every problem becomes a <see cref="SpecError"/>.</summary>
/// <remarks>
/// A thin layer over <see cref="SpecJson"/>'s readers for objects whose fields all have defaults. Each getter records its
/// field as known; <see cref="RejectUnknown"/> then reports every field no getter asked for.
/// </remarks>
public sealed class SpecObject
{
    private readonly JsonElement _element;
    private readonly List<SpecError> _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private SpecObject(JsonElement element, string path, List<SpecError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    /// <summary>The JSON path of this object, for example <c>$.budget</c>.</summary>
    public string Path { get; }

    /// <summary>Wraps <paramref name="element"/> when it is an object; otherwise records an error and returns null.</summary>
    public static SpecObject? From(JsonElement element, string path, List<SpecError> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new SpecObject(element, path, errors);
        }

        errors.Add(new SpecError(path, $"must be an object, not {SpecJson.Describe(element)}"));
        return null;
    }

    /// <summary>The path of a field of this object.</summary>
    public string PathOf(string name) => SpecJson.Property(Path, name);

    /// <summary>The raw field, or null when absent or JSON null.</summary>
    public JsonElement? Field(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>An integer field in [min, max], or the default when absent or wrong.</summary>
    public int Int(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        (int)Long(name, defaultValue, min, max);

    /// <summary>A 64-bit integer field in [min, max], or the default when absent or wrong.</summary>
    public long Long(string name, long defaultValue, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Field(name) is not { } value || SpecJson.ReadLong(value, PathOf(name), _errors) is not { } result)
        {
            return defaultValue;
        }

        if (result < min || result > max)
        {
            Error(name, $"must be from {min} to {max}, not {result}");
            return defaultValue;
        }

        return result;
    }

    /// <summary>A number field in (exclusiveMin, max], or the default when absent or wrong.</summary>
    public double Number(string name, double defaultValue, double exclusiveMin, double max)
    {
        if (Field(name) is not { } value || SpecJson.ReadDouble(value, PathOf(name), _errors) is not { } result)
        {
            return defaultValue;
        }

        if (!(result > exclusiveMin && result <= max))
        {
            Error(name, $"must be greater than {exclusiveMin} and at most {max}, not {result}");
            return defaultValue;
        }

        return result;
    }

    /// <summary>A true/false field, or the default when absent or wrong.</summary>
    public bool Bool(string name, bool defaultValue) =>
        Field(name) is { } value && SpecJson.ReadBool(value, PathOf(name), _errors) is { } result ? result : defaultValue;

    /// <summary>A string field, or the default when absent or wrong; when <paramref name="allowed"/> is given, one of those.</summary>
    public string String(string name, string defaultValue, IReadOnlyCollection<string>? allowed = null)
    {
        string? result = OptionalString(name);
        if (result is not null && allowed is not null && !allowed.Contains(result))
        {
            Error(name, $"must be one of {string.Join(", ", allowed)}, not '{result}'");
            return defaultValue;
        }

        return result ?? defaultValue;
    }

    /// <summary>An optional non-empty string field; null when absent or wrong.</summary>
    public string? OptionalString(string name)
    {
        if (Field(name) is not { } value || SpecJson.ReadString(value, PathOf(name), _errors) is not { } result)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(result))
        {
            Error(name, "must not be empty");
            return null;
        }

        return result;
    }

    /// <summary>A nested object field, or null when absent (or not an object, which is recorded as an error).</summary>
    public SpecObject? Object(string name) =>
        Field(name) is { } value ? From(value, PathOf(name), _errors) : null;

    /// <summary>Records an error on a field of this object.</summary>
    public void Error(string name, string message) => _errors.Add(new SpecError(PathOf(name), message));

    /// <summary>Records an error for every field of the object that no getter asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var property in _element.EnumerateObject().Where(p => !_known.Contains(p.Name)))
        {
            Error(property.Name, $"is not a known field (known: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
        }
    }
}

using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>The fields of a strategy's options object, each read with a fallback; every problem is appended at its path.</summary>
internal sealed class OptionFields
{
    private readonly IReadOnlyDictionary<string, JsonElement> _fields;
    private readonly string _path;
    private readonly List<SpecError> _errors;

    private OptionFields(IReadOnlyDictionary<string, JsonElement> fields, string path, List<SpecError> errors)
    {
        _fields = fields;
        _path = path;
        _errors = errors;
    }

    /// <summary>
    /// Reads an options object (absent or null: <paramref name="defaults"/>): only <paramref name="known"/> fields, built by
    /// <paramref name="build"/>; the result, defaults too, is checked by <paramref name="validate"/>; null when any problem was appended.
    /// </summary>
    public static T? Read<T>(
        JsonElement? element,
        T defaults,
        string path,
        IReadOnlyList<string> known,
        List<SpecError> errors,
        Func<OptionFields, T> build,
        Func<T, string, IReadOnlyList<SpecError>> validate)
        where T : class
    {
        var before = errors.Count;
        if (element is not { ValueKind: not JsonValueKind.Null } json)
        {
            errors.AddRange(validate(defaults, path));
            return errors.Count > before ? null : defaults;
        }

        var fields = SpecJson.ReadObject(json, path, known, errors);
        if (fields is null)
        {
            return null;
        }

        var options = build(new OptionFields(fields, path, errors));
        errors.AddRange(validate(options, path));
        return errors.Count > before ? null : options;
    }

    /// <summary>A whole-number field; <paramref name="fallback"/> when absent or unreadable.</summary>
    public int Int(string name, int fallback) =>
        _fields.TryGetValue(name, out var value) ? SpecJson.ReadInt(value, SpecJson.Property(_path, name), _errors) ?? fallback : fallback;

    /// <summary>A whole-number field that may be JSON null; null when absent, null or unreadable.</summary>
    public int? OptionalInt(string name) =>
        _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? SpecJson.ReadInt(value, SpecJson.Property(_path, name), _errors)
            : null;

    /// <summary>A 64-bit whole-number field; <paramref name="fallback"/> when absent or unreadable.</summary>
    public long Long(string name, long fallback) =>
        _fields.TryGetValue(name, out var value) ? SpecJson.ReadLong(value, SpecJson.Property(_path, name), _errors) ?? fallback : fallback;

    /// <summary>A number field; <paramref name="fallback"/> when absent or unreadable.</summary>
    public double Double(string name, double fallback) =>
        _fields.TryGetValue(name, out var value) ? SpecJson.ReadDouble(value, SpecJson.Property(_path, name), _errors) ?? fallback : fallback;
}

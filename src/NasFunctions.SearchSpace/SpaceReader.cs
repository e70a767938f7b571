using System.Text.Json;

namespace NasFunctions.SearchSpace;

/// <summary>What the readers of space definitions share: the object and its <c>kind</c>, required numbers, lists, and the final check.</summary>
internal static class SpaceReader
{
    /// <summary>
    /// Reads a space object of kind <paramref name="kindName"/>: <paramref name="build"/> reads its fields, unknown fields are
    /// reported, then <paramref name="validate"/> adds the rules the result breaks; null when any problem was appended.
    /// </summary>
    public static T? Read<T>(
        JsonElement element,
        string path,
        string kindName,
        List<SpecError> errors,
        Func<SpecObject, T> build,
        Func<T, string, IReadOnlyList<SpecError>> validate)
        where T : class
    {
        var before = errors.Count;
        var spec = Open(element, path, kindName, errors);
        if (spec is null)
        {
            return null;
        }

        var options = build(spec);
        spec.RejectUnknown();

        // Fields that could not be read fell back to their (valid) defaults, so this adds only the rules they really break.
        errors.AddRange(validate(options, path));

        return errors.Count > before ? null : options;
    }

    /// <summary>Wraps the space object and reports a <c>kind</c> other than <paramref name="kindName"/>; null (and an error) when it is no object.</summary>
    public static SpecObject? Open(JsonElement element, string path, string kindName, List<SpecError> errors)
    {
        var spec = SpecObject.From(element, path, errors);
        if (spec?.OptionalString("kind") is { } kind && kind != kindName)
        {
            spec.Error("kind", $"must be '{kindName}' here, not '{kind}'");
        }

        return spec;
    }

    /// <summary>An integer field that must be present; <paramref name="fallback"/> (and an error) when absent or wrong.</summary>
    public static int Required(SpecObject spec, string name, int fallback)
    {
        if (spec.Field(name) is null)
        {
            spec.Error(name, "is required");
            return fallback;
        }

        return spec.Int(name, fallback);
    }

    /// <summary>A list field read by <paramref name="read"/>; <paramref name="fallback"/> when absent or unreadable.</summary>
    public static IReadOnlyList<T> List<T>(SpecObject spec, string name, IReadOnlyList<T> fallback, Func<JsonElement, string, List<T>?> read) =>
        spec.Field(name) is { } value ? read(value, spec.PathOf(name)) ?? (IReadOnlyList<T>)fallback : fallback;

    /// <summary>Throws an <see cref="ArgumentException"/> on the constructor's <c>options</c> listing <paramref name="errors"/>, if any.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<SpecError> errors, string kindName)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid {kindName} space: {string.Join("; ", errors)}", "options");
        }
    }
}

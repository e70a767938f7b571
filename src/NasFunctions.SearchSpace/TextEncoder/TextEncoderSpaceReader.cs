using System.Text.Json;

namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>Reads a text-encoder space definition from JSON, reporting every problem at its path.</summary>
internal static class TextEncoderSpaceReader
{
    public static TextEncoderSpaceOptions? Read(JsonElement element, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var spec = SpecObject.From(element, path, errors);
        if (spec is null)
        {
            return null;
        }

        if (spec.OptionalString("kind") is { } kind && kind != TextEncoderSpace.KindName)
        {
            spec.Error("kind", $"must be '{TextEncoderSpace.KindName}' here, not '{kind}'");
        }

        var defaults = new TextEncoderSpaceOptions();
        var options = new TextEncoderSpaceOptions
        {
            Vocabulary = Required(spec, "vocabulary", defaults.Vocabulary),
            MaxLength = Required(spec, "maxLength", defaults.MaxLength),
            Classes = Required(spec, "classes", defaults.Classes),
            Embedding = Ints(spec, "embedding", defaults.Embedding, errors),
            MinLayers = spec.Int("minLayers", defaults.MinLayers),
            MaxLayers = spec.Int("maxLayers", defaults.MaxLayers),
            Layers = Strings(spec, "layers", defaults.Layers, errors),
            Width = Ints(spec, "width", defaults.Width, errors),
            Pooling = Strings(spec, "pooling", defaults.Pooling, errors),
        };
        spec.RejectUnknown();

        // Fields that could not be read fell back to their (valid) defaults, so this adds only the rules they really break.
        errors.AddRange(options.Validate(path));

        return errors.Count > before ? null : options;
    }

    private static int Required(SpecObject spec, string name, int fallback)
    {
        if (spec.Field(name) is null)
        {
            spec.Error(name, "is required");
            return fallback;
        }

        return spec.Int(name, fallback);
    }

    private static IReadOnlyList<int> Ints(SpecObject spec, string name, IReadOnlyList<int> fallback, List<SpecError> errors) =>
        spec.Field(name) is { } value ? SpecLists.Read(value, spec.PathOf(name), errors, SpecJson.ReadInt) ?? fallback : fallback;

    private static IReadOnlyList<string> Strings(SpecObject spec, string name, IReadOnlyList<string> fallback, List<SpecError> errors) =>
        spec.Field(name) is { } value ? SpecLists.ReadStrings(value, spec.PathOf(name), errors) ?? fallback : fallback;
}

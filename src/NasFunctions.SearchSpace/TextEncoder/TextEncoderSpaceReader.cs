using System.Text.Json;

namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>Reads a text-encoder space definition from JSON, reporting every problem at its path.</summary>
internal static class TextEncoderSpaceReader
{
    public static TextEncoderSpaceOptions? Read(JsonElement element, string path, List<SpecError> errors) =>
        SpaceReader.Read(element, path, TextEncoderSpace.KindName, errors, spec =>
        {
            var defaults = new TextEncoderSpaceOptions();
            return new TextEncoderSpaceOptions
            {
                Vocabulary = SpaceReader.Required(spec, "vocabulary", defaults.Vocabulary),
                MaxLength = SpaceReader.Required(spec, "maxLength", defaults.MaxLength),
                Classes = SpaceReader.Required(spec, "classes", defaults.Classes),
                Embedding = Ints(spec, "embedding", defaults.Embedding, errors),
                MinLayers = spec.Int("minLayers", defaults.MinLayers),
                MaxLayers = spec.Int("maxLayers", defaults.MaxLayers),
                Layers = Strings(spec, "layers", defaults.Layers, errors),
                Width = Ints(spec, "width", defaults.Width, errors),
                Pooling = Strings(spec, "pooling", defaults.Pooling, errors),
            };
        }, (options, at) => options.Validate(at));

    private static IReadOnlyList<int> Ints(SpecObject spec, string name, IReadOnlyList<int> fallback, List<SpecError> errors) =>
        SpaceReader.List(spec, name, fallback, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadInt));

    private static IReadOnlyList<string> Strings(SpecObject spec, string name, IReadOnlyList<string> fallback, List<SpecError> errors) =>
        SpaceReader.List(spec, name, fallback, (e, p) => SpecLists.ReadStrings(e, p, errors));
}

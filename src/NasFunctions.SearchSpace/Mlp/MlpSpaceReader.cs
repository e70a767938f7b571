using System.Text.Json;

namespace NasFunctions.SearchSpace.Mlp;

/// <summary>Reads an MLP space definition from JSON, reporting every problem at its path.</summary>
internal static class MlpSpaceReader
{
    public static MlpSpaceOptions? Read(JsonElement element, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var spec = SpecObject.From(element, path, errors);
        if (spec is null)
        {
            return null;
        }

        if (spec.OptionalString("kind") is { } kind && kind != MlpSpace.KindName)
        {
            spec.Error("kind", $"must be '{MlpSpace.KindName}' here, not '{kind}'");
        }

        var defaults = new MlpSpaceOptions();
        var options = new MlpSpaceOptions
        {
            Inputs = Required(spec, "inputs", defaults.Inputs),
            Classes = Required(spec, "classes", defaults.Classes),
            MinLayers = spec.Int("minLayers", defaults.MinLayers),
            MaxLayers = spec.Int("maxLayers", defaults.MaxLayers),
            Units = List(spec, "units", defaults.Units, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadInt)),
            Activations = List(spec, "activations", defaults.Activations, (e, p) => SpecLists.ReadStrings(e, p, errors)),
            Dropout = List(spec, "dropout", defaults.Dropout, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadDouble)),
            BatchNorm = List(spec, "batchNorm", defaults.BatchNorm, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadBool)),
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

    private static IReadOnlyList<T> List<T>(
        SpecObject spec, string name, IReadOnlyList<T> fallback, Func<JsonElement, string, List<T>?> read) =>
        spec.Field(name) is { } value ? read(value, spec.PathOf(name)) ?? (IReadOnlyList<T>)fallback : fallback;
}

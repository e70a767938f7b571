using System.Text.Json;

namespace NasFunctions.SearchSpace.Mlp;

/// <summary>Reads an MLP space definition from JSON, reporting every problem at its path.</summary>
internal static class MlpSpaceReader
{
    public static MlpSpaceOptions? Read(JsonElement element, string path, List<SpecError> errors) =>
        SpaceReader.Read(element, path, MlpSpace.KindName, errors, spec =>
        {
            var defaults = new MlpSpaceOptions();
            return new MlpSpaceOptions
            {
                Inputs = SpaceReader.Required(spec, "inputs", defaults.Inputs),
                Classes = SpaceReader.Required(spec, "classes", defaults.Classes),
                MinLayers = spec.Int("minLayers", defaults.MinLayers),
                MaxLayers = spec.Int("maxLayers", defaults.MaxLayers),
                Units = SpaceReader.List(spec, "units", defaults.Units, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadInt)),
                Activations = SpaceReader.List(spec, "activations", defaults.Activations, (e, p) => SpecLists.ReadStrings(e, p, errors)),
                Dropout = SpaceReader.List(spec, "dropout", defaults.Dropout, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadDouble)),
                BatchNorm = SpaceReader.List(spec, "batchNorm", defaults.BatchNorm, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadBool)),
            };
        }, (options, at) => options.Validate(at));
}

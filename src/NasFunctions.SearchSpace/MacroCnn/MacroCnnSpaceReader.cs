using System.Text.Json;

namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>Reads a macro CNN space definition from JSON into a draft, reporting every value it cannot read.</summary>
internal static class MacroCnnSpaceReader
{
    private static readonly string[] Fields =
        ["kind", "input", "classes", "minBlocks", "maxBlocks", "operations", "channels", "batchNorm", "skip"];

    public static MacroCnnSpaceDraft? Read(JsonElement element, string path, List<SpecError> errors)
    {
        var fields = SpecJson.ReadObject(element, path, Fields, errors);
        if (fields is null)
        {
            return null;
        }

        var defaults = MacroCnnSpaceDraft.From(new MacroCnnSpaceOptions());
        if (fields.TryGetValue("kind", out var kind)
            && SpecJson.ReadString(kind, SpecJson.Property(path, "kind"), errors) is { } name
            && name != MacroCnnSpace.KindName)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "kind"), $"must be '{MacroCnnSpace.KindName}' here, not '{name}'"));
        }

        return new MacroCnnSpaceDraft
        {
            Input = Field(fields, "input", path, defaults.Input, (e, p) => ReadList(e, p, errors, SpecJson.ReadInt)),
            Classes = Field(fields, "classes", path, defaults.Classes, (e, p) => SpecJson.ReadInt(e, p, errors)),
            MinBlocks = Field(fields, "minBlocks", path, defaults.MinBlocks, (e, p) => SpecJson.ReadInt(e, p, errors)),
            MaxBlocks = Field(fields, "maxBlocks", path, defaults.MaxBlocks, (e, p) => SpecJson.ReadInt(e, p, errors)),
            Operations = Field(fields, "operations", path, defaults.Operations, (e, p) => ReadList(e, p, errors, ReadOperation)),
            Channels = Field(fields, "channels", path, defaults.Channels, (e, p) => ReadList(e, p, errors, SpecJson.ReadInt)),
            BatchNorm = Field(fields, "batchNorm", path, defaults.BatchNorm, (e, p) => ReadList(e, p, errors, SpecJson.ReadBool)),
            Skip = Field(fields, "skip", path, defaults.Skip, (e, p) => ReadList(e, p, errors, SpecJson.ReadBool)),
        };
    }

    private static T? Field<T>(
        IReadOnlyDictionary<string, JsonElement> fields, string name, string path, T? fallback, Func<JsonElement, string, T?> read) =>
        fields.TryGetValue(name, out var value) ? read(value, SpecJson.Property(path, name)) : fallback;

    private static List<T?>? ReadList<T>(
        JsonElement element, string path, List<SpecError> errors, Func<JsonElement, string, List<SpecError>, T?> readItem)
        where T : struct =>
        SpecJson.ReadArray(element, path, errors)?.Select((item, i) => readItem(item, SpecJson.Index(path, i), errors)).ToList();

    private static MacroOperation? ReadOperation(JsonElement element, string path, List<SpecError> errors)
    {
        var name = SpecJson.ReadString(element, path, errors);
        if (name is null)
        {
            return null;
        }

        if (MacroOperationNames.TryParse(name, out var operation))
        {
            return operation;
        }

        errors.Add(new SpecError(path, $"unknown operation '{name}'; known operations: {string.Join(", ", MacroOperationNames.All)}"));
        return null;
    }
}

using System.Text.Json;

namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>Reads a NAS-Bench-201 space definition from JSON, reporting every problem at its path.</summary>
internal static class NasBench201SpaceReader
{
    public static NasBench201SpaceOptions? Read(JsonElement element, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var spec = SpaceReader.Open(element, path, NasBench201Space.KindName, errors);
        if (spec is null)
        {
            return null;
        }

        var defaults = new NasBench201SpaceOptions();
        var operations = spec.Field("operations") is { } list ? ReadOperations(list, spec.PathOf("operations"), errors) : defaults.Operations;
        var channels = spec.Int("channels", defaults.Channels, min: 1, max: LayerWidths.Max);
        var cellsPerStage = spec.Int("cellsPerStage", defaults.CellsPerStage, min: 1, max: 100);
        var input = spec.Field("input") is { } shape
            ? ReadInput(shape, spec.PathOf("input"), errors)
            : [defaults.InputChannels, defaults.InputHeight, defaults.InputWidth];
        var classes = spec.Int("classes", defaults.Classes, min: 2);
        spec.RejectUnknown();
        if (errors.Count > before)
        {
            return null;
        }

        return new NasBench201SpaceOptions
        {
            Operations = operations,
            Channels = channels,
            CellsPerStage = cellsPerStage,
            InputChannels = input[0],
            InputHeight = input[1],
            InputWidth = input[2],
            Classes = classes,
        };
    }

    private static List<NasBench201Operation> ReadOperations(JsonElement element, string path, List<SpecError> errors)
    {
        var operations = new List<NasBench201Operation>();
        var items = SpecJson.ReadArray(element, path, errors);
        if (items is null)
        {
            return operations;
        }

        if (items.Count == 0)
        {
            errors.Add(new SpecError(path, "must list at least one operation"));
        }

        NasBench201Operation? last = null;
        for (var i = 0; i < items.Count; i++)
        {
            var at = SpecJson.Index(path, i);
            if (SpecJson.ReadString(items[i], at, errors) is not { } name)
            {
                continue;
            }

            if (!NasBench201Operations.TryParse(name, out var operation))
            {
                errors.Add(new SpecError(at, $"unknown operation '{name}'; known operations: {string.Join(", ", NasBench201Operations.All)}"));
                continue;
            }

            if (operation == last)
            {
                errors.Add(new SpecError(at, $"repeats {name}"));
            }
            else if (operation < last)
            {
                errors.Add(new SpecError(at, $"'{name}' is out of order; operations follow the benchmark's order: {string.Join(", ", NasBench201Operations.All)}"));
            }

            last = operation > last || last is null ? operation : last;
            operations.Add(operation);
        }

        return operations;
    }

    private static int[] ReadInput(JsonElement element, string path, List<SpecError> errors)
    {
        var items = SpecJson.ReadArray(element, path, errors);
        if (items is null)
        {
            return [0, 0, 0];
        }

        if (items.Count != 3)
        {
            errors.Add(new SpecError(path, $"must be [channels, height, width] (3 numbers), not {items.Count} numbers"));
        }

        var values = new int[Math.Max(3, items.Count)];
        for (var i = 0; i < items.Count; i++)
        {
            var at = SpecJson.Index(path, i);
            if (SpecJson.ReadInt(items[i], at, errors) is { } value)
            {
                values[i] = value;
                if (value < 1)
                {
                    errors.Add(new SpecError(at, $"must be positive, not {value}"));
                }
            }
        }

        return values;
    }
}

using System.Globalization;
using System.Text.Json;

namespace NasFunctions.SearchSpace.Language;

/// <summary>Reads a custom space's parameters from JSON, reporting every problem at its path.</summary>
internal static class CustomSpaceReader
{
    private static readonly string[] Kinds = ["choice", "int", "float", "repeat", "cell"];

    public static List<Parameter>? Read(JsonElement element, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var fields = SpecJson.ReadObject(element, path, ["kind", "parameters"], errors);
        if (fields is null)
        {
            return null;
        }

        var kindPath = SpecJson.Property(path, "kind");
        if (fields.TryGetValue("kind", out var kind) && SpecJson.ReadString(kind, kindPath, errors) is { } name && name != CustomSpace.KindName)
        {
            errors.Add(new SpecError(kindPath, $"must be '{CustomSpace.KindName}' here, not '{name}'"));
        }

        var parametersPath = SpecJson.Property(path, "parameters");
        if (!fields.TryGetValue("parameters", out var parameters))
        {
            errors.Add(new SpecError(parametersPath, "is required: an object of named parameters"));
            return null;
        }

        var result = ReadParameters(parameters, parametersPath, nested: false, errors);
        return errors.Count > before ? null : result;
    }

    private static List<Parameter> ReadParameters(JsonElement element, string path, bool nested, List<SpecError> errors)
    {
        var parameters = new List<Parameter>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object of named parameters, not {SpecJson.Describe(element)}"));
            return parameters;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = SpecJson.Property(path, property.Name);
            var usable = ParameterText.NameProblem(property.Name) is not { } problem || Add(errors, at, problem);
            if (usable && !names.Add(property.Name))
            {
                errors.Add(new SpecError(at, "parameter appears more than once"));
                continue;
            }

            if (ReadParameter(usable ? property.Name : "_", property.Value, at, nested, errors) is { } parameter && usable)
            {
                parameters.Add(parameter);
            }
        }

        if (!element.EnumerateObject().Any())
        {
            errors.Add(new SpecError(path, "must define at least one parameter"));
        }

        return parameters;
    }

    /// <summary>Reads one <c>choice</c>, <c>int</c> or <c>float</c> parameter, as a custom space's are written; null (with errors) when it is none.</summary>
    public static ScalarParameter? ReadScalar(string name, JsonElement element, string path, List<SpecError> errors) =>
        ReadParameter(name, element, path, nested: true, errors) as ScalarParameter;

    private static Parameter? ReadParameter(string name, JsonElement element, string path, bool nested, List<SpecError> errors)
    {
        var kinds = string.Join(", ", Kinds);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object with one of {kinds}, not {SpecJson.Describe(element)}"));
            return null;
        }

        var present = Kinds.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (present.Count != 1)
        {
            errors.Add(new SpecError(path, present.Count == 0
                ? $"is none of the parameter kinds; give one of {kinds}"
                : $"has several kinds ({string.Join(", ", present)}); give exactly one"));
            return null;
        }

        var kind = present[0];
        if (nested && kind is "repeat" or "cell")
        {
            errors.Add(new SpecError(SpecJson.Property(path, kind), "a repeat's items take choice, int or float parameters only"));
            return null;
        }

        string[] known = kind switch
        {
            "int" => ["int", "step", "log", "levels"],
            "float" => ["float", "log", "levels"],
            "repeat" => ["repeat", "each"],
            _ => [kind],
        };
        var before = errors.Count;
        var fields = SpecJson.ReadObject(element, path, known, errors)!;
        Parameter? parameter = kind switch
        {
            "choice" => ReadValues(fields["choice"], SpecJson.Property(path, "choice"), errors) is { } values ? new ChoiceParameter(name, values) : null,
            "int" => ReadInt(name, fields, path, errors),
            "float" => ReadFloat(name, fields, path, errors),
            "repeat" => ReadRepeat(name, fields, path, errors),
            _ => ReadCell(name, fields[kind], SpecJson.Property(path, kind), errors),
        };
        return errors.Count > before ? null : parameter;
    }

    private static List<string>? ReadValues(JsonElement element, string path, List<SpecError> errors)
    {
        var items = SpecJson.ReadArray(element, path, errors);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            errors.Add(new SpecError(path, "must list at least one value"));
        }

        var before = errors.Count;
        var values = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = SpecJson.Index(path, i);
            if (SpecJson.ReadString(items[i], at, errors) is not { } value)
            {
                continue;
            }

            if (ParameterText.ValueProblem(value) is { } problem)
            {
                errors.Add(new SpecError(at, problem));
            }
            else if (values.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(new SpecError(at, $"repeats '{value}'"));
            }

            values.Add(value);
        }

        return errors.Count > before || values.Count == 0 ? null : values;
    }

    private static IntParameter? ReadInt(string name, IReadOnlyDictionary<string, JsonElement> fields, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var rangePath = SpecJson.Property(path, "int");
        var (low, high) = ReadRange(fields["int"], rangePath, (e, p) => SpecJson.ReadInt(e, p, errors), errors);
        var log = fields.TryGetValue("log", out var logElement) && SpecJson.ReadBool(logElement, SpecJson.Property(path, "log"), errors) == true;
        int? step = fields.TryGetValue("step", out var stepElement) ? SpecJson.ReadInt(stepElement, SpecJson.Property(path, "step"), errors) ?? 0 : null;
        int? levels = fields.TryGetValue("levels", out var levelsElement) ? SpecJson.ReadInt(levelsElement, SpecJson.Property(path, "levels"), errors) ?? 0 : null;
        if (low > high)
        {
            errors.Add(new SpecError(rangePath, $"low must not exceed high, not [{low}, {high}]"));
        }

        if (log)
        {
            if (step is not null)
            {
                errors.Add(new SpecError(SpecJson.Property(path, "step"), "does not go with log: true; a log range is cut into levels"));
            }

            if (low < 1)
            {
                errors.Add(new SpecError(SpecJson.Index(rangePath, 0), $"must be at least 1 on a log range, not {low}"));
            }

            CheckLevels(levels, path, errors);
            return errors.Count > before ? null : new IntParameter(name, NumberLevels.IntLog(low!.Value, high!.Value, levels ?? NumberLevels.DefaultLevels));
        }

        if (levels is not null)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "levels"), "needs log: true; a linear integer range is cut by step"));
        }

        var stepPath = SpecJson.Property(path, "step");
        if (step < 1)
        {
            errors.Add(new SpecError(stepPath, $"must be at least 1, not {step}"));
        }
        else if (low <= high && ((long)high.Value - low.Value) % (step ?? 1) is not 0)
        {
            errors.Add(new SpecError(stepPath, $"must divide high - low ({(long)high.Value - low.Value}), not {step}"));
        }
        else if (low <= high && (((long)high.Value - low.Value) / (step ?? 1)) + 1 is > NumberLevels.MaxValues and var count)
        {
            errors.Add(new SpecError(rangePath, $"gives {count} values, but at most {NumberLevels.MaxValues} are allowed; raise step"));
        }

        return errors.Count > before ? null : new IntParameter(name, NumberLevels.IntLinear(low!.Value, high!.Value, step ?? 1));
    }

    private static FloatParameter? ReadFloat(string name, IReadOnlyDictionary<string, JsonElement> fields, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var rangePath = SpecJson.Property(path, "float");
        var (low, high) = ReadRange(fields["float"], rangePath, (e, p) => SpecJson.ReadDouble(e, p, errors), errors);
        var log = fields.TryGetValue("log", out var logElement) && SpecJson.ReadBool(logElement, SpecJson.Property(path, "log"), errors) == true;
        int? levels = fields.TryGetValue("levels", out var levelsElement) ? SpecJson.ReadInt(levelsElement, SpecJson.Property(path, "levels"), errors) ?? 0 : null;
        if (low > high)
        {
            errors.Add(new SpecError(rangePath, $"low must not exceed high, not [{Show(low)}, {Show(high)}]"));
        }

        if (log && low <= 0)
        {
            errors.Add(new SpecError(SpecJson.Index(rangePath, 0), $"must be positive on a log range, not {Show(low)}"));
        }

        CheckLevels(levels, path, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var n = levels ?? NumberLevels.DefaultLevels;
        return new FloatParameter(name, log ? NumberLevels.FloatLog(low!.Value, high!.Value, n) : NumberLevels.FloatLinear(low!.Value, high!.Value, n));
    }

    private static RepeatParameter? ReadRepeat(string name, IReadOnlyDictionary<string, JsonElement> fields, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var repeatPath = SpecJson.Property(path, "repeat");
        int? min = null;
        int? max = null;
        if (SpecJson.ReadObject(fields["repeat"], repeatPath, ["min", "max"], errors) is { } bounds)
        {
            min = ReadRequiredInt(bounds, "min", repeatPath, errors);
            max = ReadRequiredInt(bounds, "max", repeatPath, errors);
        }

        var minPath = SpecJson.Property(repeatPath, "min");
        var maxPath = SpecJson.Property(repeatPath, "max");
        if (min < 0)
        {
            errors.Add(new SpecError(minPath, $"must be at least 0, not {min}"));
        }

        if (max is < 1 or > RepeatParameter.MaxItems)
        {
            errors.Add(new SpecError(maxPath, $"must be from 1 to {RepeatParameter.MaxItems}, not {max}"));
        }

        if (min > max)
        {
            errors.Add(new SpecError(minPath, $"must not exceed max ({max}), not {min}"));
        }

        var eachPath = SpecJson.Property(path, "each");
        List<Parameter> each = [];
        if (fields.TryGetValue("each", out var eachElement))
        {
            each = ReadParameters(eachElement, eachPath, nested: true, errors);
        }
        else
        {
            errors.Add(new SpecError(eachPath, "is required: the parameters of one item"));
        }

        return errors.Count > before ? null : new RepeatParameter(name, min!.Value, max!.Value, [.. each.Cast<ScalarParameter>()]);
    }

    private static CellParameter? ReadCell(string name, JsonElement element, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        var fields = SpecJson.ReadObject(element, path, ["nodes", "operations"], errors);
        if (fields is null)
        {
            return null;
        }

        var nodes = ReadRequiredInt(fields, "nodes", path, errors);
        if (nodes is < 2 or > CellParameter.MaxNodes)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "nodes"), $"must be from 2 to {CellParameter.MaxNodes}, not {nodes}"));
        }

        List<string>? operations = null;
        if (fields.TryGetValue("operations", out var list))
        {
            operations = ReadValues(list, SpecJson.Property(path, "operations"), errors);
        }
        else
        {
            errors.Add(new SpecError(SpecJson.Property(path, "operations"), "is required: the operations an edge may pick"));
        }

        return errors.Count > before ? null : new CellParameter(name, nodes!.Value, operations!);
    }

    private static int? ReadRequiredInt(IReadOnlyDictionary<string, JsonElement> fields, string name, string path, List<SpecError> errors)
    {
        if (fields.TryGetValue(name, out var element))
        {
            return SpecJson.ReadInt(element, SpecJson.Property(path, name), errors);
        }

        errors.Add(new SpecError(SpecJson.Property(path, name), "is required"));
        return null;
    }

    private static (T? Low, T? High) ReadRange<T>(JsonElement element, string path, Func<JsonElement, string, T?> read, List<SpecError> errors)
        where T : struct
    {
        var items = SpecJson.ReadArray(element, path, errors);
        if (items is null)
        {
            return (null, null);
        }

        if (items.Count != 2)
        {
            errors.Add(new SpecError(path, $"must be [low, high], not {items.Count} numbers"));
            return (null, null);
        }

        return (read(items[0], SpecJson.Index(path, 0)), read(items[1], SpecJson.Index(path, 1)));
    }

    private static void CheckLevels(int? levels, string path, List<SpecError> errors)
    {
        if (levels is < 2 or > NumberLevels.MaxValues)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "levels"), $"must be from 2 to {NumberLevels.MaxValues}, not {levels}"));
        }
    }

    private static bool Add(List<SpecError> errors, string path, string message)
    {
        errors.Add(new SpecError(path, message));
        return false;
    }

    private static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "?";
}

using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>Writes and reads the canonical string of a custom space, and resets unused decisions.</summary>
/// <remarks>
/// Parameters in order, <c>name=value</c> joined by <c>;</c>. A repeat is <c>name=[item|item]</c>, each item its parameters as
/// <c>p=value</c> joined by <c>,</c> (<c>name=[]</c> for none); a cell is written as NAS-Bench-201 does. For example
/// <c>optimizer=adam;width=64;lr=0.001;layers=[op=conv,units=8|op=pool,units=16];cell=|conv3x3~0|+|none~0|skip~1|</c>.
/// </remarks>
internal static class CustomCanonical
{
    public static string Format(IReadOnlyList<Parameter> parameters, IReadOnlyDictionary<string, string> choices) =>
        string.Join(';', parameters.Select(p => $"{p.Name}={FormatValue(p, choices)}"));

    /// <summary>The choices with every unused decision reset to its first value.</summary>
    public static Dictionary<string, string> Normalize(IReadOnlyList<Parameter> parameters, IReadOnlyDictionary<string, string> choices)
    {
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            switch (parameter)
            {
                case ScalarParameter scalar:
                    normalized[scalar.Name] = choices[scalar.Name];
                    break;
                case RepeatParameter repeat:
                    var count = int.Parse(choices[repeat.CountLabel], CultureInfo.InvariantCulture);
                    normalized[repeat.CountLabel] = choices[repeat.CountLabel];
                    for (var i = 0; i < repeat.Max; i++)
                    {
                        foreach (var item in repeat.Each)
                        {
                            var label = repeat.ItemLabel(i, item.Name);
                            normalized[label] = i < count ? choices[label] : item.Values[0];
                        }
                    }

                    break;
                case CellParameter cell:
                    foreach (var (to, from) in cell.Edges)
                    {
                        normalized[cell.EdgeLabel(to, from)] = choices[cell.EdgeLabel(to, from)];
                    }

                    break;
            }
        }

        return normalized;
    }

    /// <summary>Reads a canonical string into normalized choices; appends a message for every problem and returns null if any.</summary>
    public static Dictionary<string, string>? Parse(IReadOnlyList<Parameter> parameters, string text, List<string> problems)
    {
        var before = problems.Count;
        var written = ReadAssignments(text, ';', parameters.Select(p => p.Name).ToList(), string.Empty, problems);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!written.TryGetValue(parameter.Name, out var value))
            {
                AddDefaults(parameter, choices);
                continue;
            }

            switch (parameter)
            {
                case ScalarParameter scalar:
                    choices[scalar.Name] = CheckValue(scalar, value, scalar.Name, problems);
                    break;
                case RepeatParameter repeat:
                    ParseRepeat(repeat, value, choices, problems);
                    break;
                case CellParameter cell:
                    var cellProblems = new List<string>();
                    var operations = CellCanonical.Parse(value, cell.Nodes, cell.Operations, cellProblems);
                    problems.AddRange(cellProblems.Select(p => $"{cell.Name}: {p}"));
                    SetCell(cell, operations, choices);
                    break;
            }
        }

        return problems.Count == before ? Normalize(parameters, choices) : null;
    }

    private static string FormatValue(Parameter parameter, IReadOnlyDictionary<string, string> choices) => parameter switch
    {
        ScalarParameter scalar => choices[scalar.Name],
        RepeatParameter repeat => "[" + string.Join('|', Enumerable
            .Range(0, int.Parse(choices[repeat.CountLabel], CultureInfo.InvariantCulture))
            .Select(i => string.Join(',', repeat.Each.Select(p => $"{p.Name}={choices[repeat.ItemLabel(i, p.Name)]}")))) + "]",
        CellParameter cell => CellCanonical.Format([.. cell.Edges.Select(e => choices[cell.EdgeLabel(e.To, e.From)])], cell.Nodes),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.GetType().Name, "unknown parameter kind"),
    };

    private static void ParseRepeat(RepeatParameter repeat, string value, Dictionary<string, string> choices, List<string> problems)
    {
        AddDefaults(repeat, choices);
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']')
        {
            problems.Add($"{repeat.Name}: '{value}' must be written [item|item|...]");
            return;
        }

        var inner = value[1..^1];
        var items = inner.Length == 0 ? [] : inner.Split('|');
        if (items.Length < repeat.Min || items.Length > repeat.Max)
        {
            problems.Add($"{repeat.Name}: {items.Length} items, but this space allows {repeat.Min} to {repeat.Max}");
            return;
        }

        choices[repeat.CountLabel] = items.Length.ToString(CultureInfo.InvariantCulture);
        var names = repeat.Each.Select(p => p.Name).ToList();
        for (var i = 0; i < items.Length; i++)
        {
            var where = $"{repeat.Name}[{i}]";
            var written = ReadAssignments(items[i], ',', names, where + ": ", problems);
            foreach (var item in repeat.Each)
            {
                if (written.TryGetValue(item.Name, out var itemValue))
                {
                    choices[repeat.ItemLabel(i, item.Name)] = CheckValue(item, itemValue, $"{where}.{item.Name}", problems);
                }
            }
        }
    }

    private static string CheckValue(ScalarParameter parameter, string value, string where, List<string> problems)
    {
        if (parameter.Values.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        problems.Add($"{where}: '{value}' is not one of {string.Join(", ", parameter.Values)}");
        return parameter.Values[0];
    }

    /// <summary>Splits <c>name=value</c> pairs, reporting malformed, unknown, repeated, missing and out-of-order names.</summary>
    private static Dictionary<string, string> ReadAssignments(
        string text, char separator, IReadOnlyList<string> names, string where, List<string> problems)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var part in text.Split(separator))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problems.Add($"{where}'{part}' must be written name=value");
                continue;
            }

            var name = part[..equals];
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"{where}unknown parameter '{name}' (parameters: {string.Join(", ", names)})");
            }
            else if (!written.TryAdd(name, part[(equals + 1)..]))
            {
                problems.Add($"{where}parameter '{name}' is written twice");
            }
            else
            {
                order.Add(name);
            }
        }

        var missing = names.Where(n => !written.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where}missing {string.Join(", ", missing.Select(n => $"'{n}'"))}");
        }
        else if (!order.SequenceEqual(names))
        {
            problems.Add($"{where}parameters must be written in order: {string.Join(", ", names)}");
        }

        return written;
    }

    private static void AddDefaults(Parameter parameter, Dictionary<string, string> choices)
    {
        switch (parameter)
        {
            case ScalarParameter scalar:
                choices[scalar.Name] = scalar.Values[0];
                break;
            case RepeatParameter repeat:
                choices[repeat.CountLabel] = repeat.Min.ToString(CultureInfo.InvariantCulture);
                for (var i = 0; i < repeat.Max; i++)
                {
                    foreach (var item in repeat.Each)
                    {
                        choices[repeat.ItemLabel(i, item.Name)] = item.Values[0];
                    }
                }

                break;
            case CellParameter cell:
                SetCell(cell, null, choices);
                break;
        }
    }

    private static void SetCell(CellParameter cell, List<string>? operations, Dictionary<string, string> choices)
    {
        var k = 0;
        foreach (var (to, from) in cell.Edges)
        {
            choices[cell.EdgeLabel(to, from)] = operations?[k] ?? cell.Operations[0];
            k++;
        }
    }
}

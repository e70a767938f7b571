using System.Globalization;

namespace NasFunctions.Evaluator.Tabular;

/// <summary>A benchmark table that gives an architecture's metric by its canonical string, without training.</summary>
/// <remarks>
/// The CSV has a header row; the first column holds the architecture's canonical string and another column (by default the
/// second) the metric. Fields are separated by commas and are not quoted. Every problem found while loading is listed in one
/// <see cref="FormatException"/>: a missing column, a row with too few fields, a value that is not a finite number, a repeated
/// architecture, an empty file.
/// </remarks>
public sealed class TabularBenchmark
{
    private readonly Dictionary<string, double> _values;

    private TabularBenchmark(string column, Dictionary<string, double> values, IReadOnlyList<string> order)
    {
        Column = column;
        _values = values;
        Architectures = order;
        var best = order[0];
        foreach (var architecture in order)
        {
            if (values[architecture] > values[best])
            {
                best = architecture;
            }
        }

        OptimumArchitecture = best;
        Optimum = values[best];
    }

    /// <summary>The name of the metric column that was read.</summary>
    public string Column { get; }

    /// <summary>Every architecture of the table, in file order.</summary>
    public IReadOnlyList<string> Architectures { get; }

    /// <summary>The number of architectures.</summary>
    public int Count => _values.Count;

    /// <summary>The table's largest metric value.</summary>
    public double Optimum { get; }

    /// <summary>The first architecture (in file order) with the largest value.</summary>
    public string OptimumArchitecture { get; }

    /// <summary>The metric of an architecture, by canonical string; null when the table does not hold it.</summary>
    public double? Lookup(string canonical) => _values.TryGetValue(canonical, out var value) ? value : null;

    /// <summary>Loads a CSV file; <paramref name="column"/> names the metric column (null: the second column).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The table is malformed; the message lists every problem.</exception>
    public static TabularBenchmark Load(string path, string? column = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"benchmark table '{path}' does not exist", path);
        }

        using var reader = new StreamReader(path);
        return Parse(reader, column, path);
    }

    /// <summary>Reads a CSV table from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="FormatException">The table is malformed; the message lists every problem.</exception>
    public static TabularBenchmark Parse(TextReader reader, string? column = null, string source = "table")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = ReadNonEmptyLine(reader, out var lineNumber);
        if (header is null)
        {
            throw new FormatException($"{source}: the file is empty; expected a header row and at least one architecture");
        }

        var names = header.Split(',').Select(n => n.Trim()).ToArray();
        if (names.Length < 2)
        {
            throw new FormatException($"{source}: the header has {names.Length} column; expected an architecture column and a metric column");
        }

        var index = column is null ? 1 : Array.IndexOf(names, column);
        if (index < 1)
        {
            throw new FormatException(
                $"{source}: no metric column '{column}'; columns: {string.Join(", ", names.Skip(1))}");
        }

        var problems = new List<string>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length <= index)
            {
                problems.Add($"line {lineNumber}: has {fields.Length} fields, needs column {index + 1} ('{names[index]}')");
                continue;
            }

            var architecture = fields[0].Trim();
            var text = fields[index].Trim();
            if (architecture.Length == 0)
            {
                problems.Add($"line {lineNumber}: the architecture is empty");
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problems.Add($"line {lineNumber}: '{names[index]}' is '{text}', not a number");
            }
            else if (!firstLine.TryAdd(architecture, lineNumber))
            {
                problems.Add($"line {lineNumber}: architecture '{architecture}' repeats line {firstLine[architecture]}");
            }
            else
            {
                values[architecture] = value;
                order.Add(architecture);
            }
        }

        if (problems.Count == 0 && values.Count == 0)
        {
            problems.Add("the table has a header but no architectures");
        }

        if (problems.Count > 0)
        {
            var shown = problems.Take(20).ToList();
            if (problems.Count > shown.Count)
            {
                shown.Add($"and {problems.Count - shown.Count} more");
            }

            throw new FormatException($"{source}: {string.Join("; ", shown)}");
        }

        return new TabularBenchmark(names[index], values, order);
    }

    private static string? ReadNonEmptyLine(TextReader reader, out int lineNumber)
    {
        lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }
}

namespace NasFunctions.Evaluator.Data;

/// <summary>A CSV file with a header row: its column names and its data rows, every row as wide as the header.</summary>
public sealed class CsvTable
{
    private CsvTable(string path, IReadOnlyList<string> columns, IReadOnlyList<CsvRecord> rows)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The header's column names, trimmed.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows (the header excluded), each with the line it starts on.</summary>
    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>Reads a CSV file whose first record is the header.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is empty or has a header and no rows, a column name is blank or repeated, a row has more or fewer fields than
    /// the header (ragged), or a quoted field is malformed.
    /// </exception>
    public static CsvTable Read(string path)
    {
        var records = CsvReader.ReadFile(path);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"'{path}' is empty; a CSV data set needs a header row and at least one data row.");
        }

        var columns = records[0].Fields.Select(f => f.Trim()).ToArray();
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Length == 0)
            {
                throw new InvalidDataException($"'{path}' header (line {records[0].Line}): column {c + 1} has no name; a header row is required.");
            }

            if (Array.IndexOf(columns, columns[c]) != c)
            {
                throw new InvalidDataException($"'{path}' header (line {records[0].Line}): column '{columns[c]}' appears twice.");
            }
        }

        if (records.Count == 1)
        {
            throw new InvalidDataException($"'{path}' has a header but no data rows.");
        }

        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Fields.Count != columns.Length)
            {
                throw new InvalidDataException(
                    $"'{path}' line {records[r].Line} (row {r}) is ragged: it has {records[r].Fields.Count} fields but the header " +
                    $"has {columns.Length} columns.");
            }
        }

        return new CsvTable(path, columns, records.Skip(1).ToArray());
    }

    /// <summary>The index of a column by its name (case-sensitive, then ignoring case).</summary>
    /// <exception cref="InvalidDataException">No column has that name; the message lists the columns there are.</exception>
    public int ColumnIndex(string name, string role)
    {
        var index = Array.IndexOf(Columns.ToArray(), name);
        if (index < 0)
        {
            var matches = Columns.Select((c, i) => (c, i)).Where(p => string.Equals(p.c, name, StringComparison.OrdinalIgnoreCase)).ToArray();
            index = matches.Length == 1 ? matches[0].i : -1;
        }

        return index >= 0
            ? index
            : throw new InvalidDataException(
                $"'{Path}' has no {role} column '{name}'; its columns are {string.Join(", ", Columns.Select(c => $"'{c}'"))}.");
    }
}

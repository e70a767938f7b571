using System.Text;

namespace NasFunctions.Evaluator.Data;

/// <summary>Reads comma-separated values as RFC 4180 writes them: quoted fields may hold commas, line breaks and doubled quotes.</summary>
/// <remarks>
/// Records end at LF or CRLF outside quotes; a quote opens a quoted field only at the start of a field; a UTF-8 byte order mark
/// is skipped; blank lines (a record of one empty, unquoted field) are skipped. Fields are not trimmed.
/// </remarks>
public static class CsvReader
{
    /// <summary>Every record of a file, with the line each starts on (1-based).</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed, or text follows its closing quote.</exception>
    public static IReadOnlyList<CsvRecord> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Every record of a text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quotedRecord = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0 || quotedRecord)
                {
                    records.Add(new CsvRecord(recordLine, [.. fields]));
                }

                fields.Clear();
                quotedRecord = false;
                if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                line++;
                recordLine = line;
                continue;
            }

            var c = text[i];
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '"' && field.Length == 0)
            {
                quotedRecord = true;
                var start = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new InvalidDataException($"'{source}' line {start}: a quoted field is never closed (a '\"' is missing).");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new InvalidDataException(
                        $"'{source}' line {line}: text follows the closing quote of a quoted field; a quote inside a quoted field is written \"\".");
                }
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        return records;
    }
}

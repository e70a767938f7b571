using System.Text;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Reads parallel text as Tatoeba and Anki exports lay it out: one <c>source&lt;TAB&gt;target</c> pair per line, UTF-8.</summary>
/// <remarks>
/// Lines end at LF or CRLF; a UTF-8 byte order mark is skipped; empty lines are skipped. Every other line holds exactly one
/// tab with text on both sides (sides are trimmed of surrounding white space). The first malformed line stops the read with
/// an <see cref="InvalidDataException"/> naming the source and the line (1-based): invalid UTF-8, no tab, more than one tab,
/// or an empty side.
/// </remarks>
public static class TsvPairReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every pair of a file, in file order.</summary>
    /// <exception cref="InvalidDataException">A line is malformed, or the file holds no pair.</exception>
    public static IReadOnlyList<TextPair> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Every pair of UTF-8 bytes; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="InvalidDataException">A line is malformed, or the bytes hold no pair.</exception>
    public static IReadOnlyList<TextPair> Parse(ReadOnlySpan<byte> bytes, string source)
    {
        var pairs = new List<TextPair>();
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        for (var line = 1; start < bytes.Length; line++)
        {
            var rest = bytes[start..];
            var end = rest.IndexOf((byte)'\n');
            var content = end < 0 ? rest : rest[..end];
            start += end < 0 ? rest.Length : end + 1;
            if (content.EndsWith("\r"u8))
            {
                content = content[..^1];
            }

            if (content.IsEmpty)
            {
                continue;
            }

            pairs.Add(ParseLine(content, source, line));
        }

        return pairs.Count > 0
            ? pairs
            : throw new InvalidDataException($"'{source}' holds no pairs: each line is source<TAB>target in UTF-8.");
    }

    private static TextPair ParseLine(ReadOnlySpan<byte> content, string source, int line)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            var column = e.Index >= 0 ? $" (byte {e.Index + 1} of the line)" : "";
            throw new InvalidDataException($"'{source}' line {line}: not valid UTF-8{column}; save the file as UTF-8.", e);
        }

        var tabs = text.Count(c => c == '\t');
        if (tabs != 1)
        {
            throw new InvalidDataException(tabs == 0
                ? $"'{source}' line {line}: no tab; each line is source<TAB>target."
                : $"'{source}' line {line}: {tabs} tabs ({tabs + 1} fields); each line is source<TAB>target, so keep only the " +
                  "first two columns (an Anki export's third column is its attribution).");
        }

        var tab = text.IndexOf('\t');
        var (from, to) = (text[..tab].Trim(), text[(tab + 1)..].Trim());
        return from.Length == 0 ? throw new InvalidDataException($"'{source}' line {line}: the source (before the tab) is empty.")
            : to.Length == 0 ? throw new InvalidDataException($"'{source}' line {line}: the target (after the tab) is empty.")
            : new TextPair(from, to);
    }
}

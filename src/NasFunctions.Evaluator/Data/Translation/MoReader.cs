using System.Buffers.Binary;
using System.Text;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Reads compiled gettext catalogs (<c>.mo</c> files) as GNU gettext's msgfmt writes them, in either byte order.</summary>
/// <remarks>
/// The layout: a magic number (0x950412de, read little- or big-endian, which fixes the byte order of every other number), a
/// revision (major 0 or 1), the message count, and the offsets of two tables of (length, offset) records: the originals and
/// their translations, each string followed by a NUL byte. An original holding an EOT byte (0x04) is <c>context EOT msgid</c>;
/// a NUL inside an original separates <c>msgid</c> from <c>msgid_plural</c>, and inside a translation the plural forms. The
/// entry with an empty original is the header; its <c>Content-Type</c> charset decodes every string (UTF-8 when it names
/// none). Anything else (a short file, a foreign magic number, a table or string past the end, a missing NUL, bytes invalid
/// in the charset) is an <see cref="InvalidDataException"/> naming the file and, where there is one, the entry.
/// </remarks>
public static class MoReader
{
    /// <summary>The magic number of a <c>.mo</c> file, as its own byte order reads it.</summary>
    public const uint Magic = 0x950412de;

    private const int HeaderBytes = 28;

    /// <summary>Reads the catalog in a file.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed <c>.mo</c> catalog.</exception>
    public static MoCatalog ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads the catalog in <paramref name="bytes"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed <c>.mo</c> catalog.</exception>
    public static MoCatalog Parse(ReadOnlySpan<byte> bytes, string source) => Parse(bytes.ToArray(), source);

    private static MoCatalog Parse(byte[] bytes, string source)
    {
        if (bytes.Length < HeaderBytes)
        {
            throw Bad(source, $"{bytes.Length} bytes is too short for a .mo header ({HeaderBytes} bytes).");
        }

        var bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(bytes) switch
        {
            Magic => false,
            0xde120495 => true,
            var other => throw Bad(source, $"magic number 0x{other:x8} is not a .mo file's (0x{Magic:x8} in either byte order)."),
        };
        uint Number(int at) => Read(bytes, at, bigEndian);

        var revision = Number(4);
        if (revision >> 16 > 1)
        {
            throw Bad(source, $"revision {revision >> 16}.{revision & 0xffff} is not one this reader knows (0.x or 1.x).");
        }

        var count = Number(8);
        var originals = Number(12);
        var translations = Number(16);
        CheckTable(source, "originals", originals, count, bytes.Length);
        CheckTable(source, "translations", translations, count, bytes.Length);

        var raw = new (byte[] Original, byte[] Translation)[count];
        for (var i = 0; i < count; i++)
        {
            raw[i] = (String(bytes, Number, originals, i, source, "original"), String(bytes, Number, translations, i, source, "translation"));
        }

        var headerIndex = Array.FindIndex(raw, r => r.Original.Length == 0);
        var headers = headerIndex < 0 ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) : Headers(raw[headerIndex].Translation);
        var charset = CharsetOf(headers);
        var encoding = EncodingOf(charset, source);
        var messages = new List<MoEntry>((int)count);
        for (var i = 0; i < count; i++)
        {
            if (i != headerIndex)
            {
                messages.Add(Entry(raw[i].Original, raw[i].Translation, encoding, source, i));
            }
        }

        return new MoCatalog(headers, charset, messages);
    }

    private static uint Read(byte[] bytes, int at, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));

    private static void CheckTable(string source, string name, uint offset, uint count, int length)
    {
        if (count > int.MaxValue / 8 || offset > length || (ulong)offset + (8UL * count) > (ulong)length)
        {
            throw Bad(source, $"the {name} table ({count} entries at byte {offset}) runs past the end of the file ({length} bytes).");
        }
    }

    private static byte[] String(byte[] bytes, Func<int, uint> number, uint table, int index, string source, string what)
    {
        var length = number((int)table + (8 * index));
        var offset = number((int)table + (8 * index) + 4);
        if ((ulong)offset + length + 1 > (ulong)bytes.Length)
        {
            throw Bad(source, $"entry {index}: its {what} ({length} bytes at byte {offset}) runs past the end of the file.");
        }

        if (bytes[(int)(offset + length)] != 0)
        {
            throw Bad(source, $"entry {index}: its {what} is not followed by a NUL byte.");
        }

        return bytes.AsSpan((int)offset, (int)length).ToArray();
    }

    private static MoEntry Entry(byte[] original, byte[] translation, Encoding encoding, string source, int index)
    {
        string Decode(byte[] text, string what)
        {
            try
            {
                return encoding.GetString(text);
            }
            catch (DecoderFallbackException e)
            {
                throw Bad(source, $"entry {index}: its {what} is not valid {encoding.WebName}.", e);
            }
        }

        var id = Decode(original, "original");
        string? context = null;
        var eot = id.IndexOf('\u0004');
        if (eot >= 0)
        {
            context = id[..eot];
            id = id[(eot + 1)..];
        }

        var nul = id.IndexOf('\0');
        var plural = nul < 0 ? null : id[(nul + 1)..];
        id = nul < 0 ? id : id[..nul];
        return new MoEntry(context, id, plural, Decode(translation, "translation").Split('\0'));
    }

    // The header is ASCII field names with values; decoded as Latin-1 here only to find the charset (every byte maps).
    private static Dictionary<string, string> Headers(byte[] header)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Encoding.Latin1.GetString(header).Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }

    private static string CharsetOf(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("Content-Type", out var type))
        {
            var at = type.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var name = new string(type[(at + "charset=".Length)..].TakeWhile(c => !char.IsWhiteSpace(c) && c != ';').ToArray());
                if (name.Length > 0 && !name.Equals("CHARSET", StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return "UTF-8";
    }

    private static Encoding EncodingOf(string charset, string source)
    {
        try
        {
            var strict = CodePagesEncodingProvider.Instance.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                ?? Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return strict.CodePage == Encoding.UTF8.CodePage
                ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                : strict;
        }
        catch (ArgumentException e)
        {
            throw Bad(source, $"its charset '{charset}' is not one this runtime can decode (UTF-8, Latin-1, ASCII, UTF-16...).", e);
        }
    }

    private static InvalidDataException Bad(string source, string problem, Exception? inner = null) =>
        new($"'{source}' is not a valid .mo catalog: {problem}", inner);
}

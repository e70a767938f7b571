using System.Buffers.Binary;
using System.Text;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

/// <summary>Writes small .mo catalogs the way msgfmt lays them out (header, two tables, NUL-terminated strings), in either byte order.</summary>
internal static class MoFiles
{
    public static byte[] Write(IReadOnlyList<(string Original, string Translation)> entries, bool bigEndian = false, Encoding? encoding = null)
    {
        encoding ??= Encoding.UTF8;
        var sorted = entries.OrderBy(e => e.Original, StringComparer.Ordinal).ToArray();
        var count = sorted.Length;
        const int header = 28;
        var originals = header;
        var translations = originals + (8 * count);
        var strings = translations + (8 * count);
        var body = new MemoryStream();
        var table = new byte[strings];
        void Number(int at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(at), value);
            }
        }

        Number(0, 0x950412de);
        Number(4, 0);
        Number(8, (uint)count);
        Number(12, (uint)originals);
        Number(16, (uint)translations);
        Number(20, 0);
        Number(24, (uint)strings);
        void Put(int tableAt, int index, string text)
        {
            var bytes = encoding.GetBytes(text);
            Number(tableAt + (8 * index), (uint)bytes.Length);
            Number(tableAt + (8 * index) + 4, (uint)(strings + body.Length));
            body.Write(bytes);
            body.WriteByte(0);
        }

        for (var i = 0; i < count; i++)
        {
            Put(originals, i, sorted[i].Original);
        }

        for (var i = 0; i < count; i++)
        {
            Put(translations, i, sorted[i].Translation);
        }

        return [.. table, .. body.ToArray()];
    }

    public static string Header(string charset = "UTF-8", string plurals = "nplurals=2; plural=(n != 1);") =>
        $"Project-Id-Version: test 1.0\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\nPlural-Forms: {plurals}\n";
}

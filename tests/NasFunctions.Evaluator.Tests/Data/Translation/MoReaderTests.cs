using System.Text;
using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

public sealed class MoReaderTests
{
    private static readonly (string, string)[] Entries =
    [
        ("", MoFiles.Header()),
        ("File not found", "Datei nicht gefunden"),
        ("menu\u0004Open", "Öffnen"),
        ("%d file\0%d files", "%d Datei\0%d Dateien"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_byte_orders_read_messages_contexts_and_plurals(bool bigEndian)
    {
        var catalog = MoReader.Parse(MoFiles.Write(Entries, bigEndian), "de.mo");

        catalog.Charset.ShouldBe("UTF-8");
        catalog.PluralCount.ShouldBe(2);
        catalog.Headers["project-id-version"].ShouldBe("test 1.0");
        catalog.Messages.Count.ShouldBe(3);
        var plural = catalog.Messages.Single(m => m.PluralId is not null);
        (plural.Id, plural.PluralId, plural.Context).ShouldBe(("%d file", "%d files", null));
        plural.Translations.ShouldBe(["%d Datei", "%d Dateien"]);
        var open = catalog.Messages.Single(m => m.Context is not null);
        (open.Context, open.Id, open.Translations[0]).ShouldBe(("menu", "Open", "Öffnen"));
    }

    [Fact]
    public void The_header_charset_decodes_the_strings()
    {
        var bytes = MoFiles.Write([("", MoFiles.Header("ISO-8859-1")), ("Size", "Größe")], encoding: Encoding.Latin1);

        var catalog = MoReader.Parse(bytes, "latin1.mo");

        catalog.Charset.ShouldBe("ISO-8859-1");
        catalog.Messages.Single().Translations[0].ShouldBe("Größe");
    }

    [Fact]
    public void Catalog_pairs_take_the_singular_and_german_plural_and_drop_contexts()
    {
        var catalog = MoReader.Parse(MoFiles.Write([.. Entries, ("Untranslated", ""), ("Two\n  lines", "Zwei\n  Zeilen")]), "de.mo");

        CatalogPairs.Of(catalog).ShouldBe([
            new("%d file", "%d Datei"), new("%d files", "%d Dateien"), new("File not found", "Datei nicht gefunden"),
            new("Two lines", "Zwei Zeilen"), new("Open", "Öffnen"),
        ]);
    }

    [Fact]
    public void With_other_plural_rules_only_the_singular_is_kept()
    {
        var entries = new[] { ("", MoFiles.Header(plurals: "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);")), ("%d file\0%d files", "%d plik\0%d pliki\0%d plików") };

        CatalogPairs.Of(MoReader.Parse(MoFiles.Write(entries), "pl.mo")).ShouldBe([new("%d file", "%d plik")]);
    }

    [Fact]
    public void Malformed_catalogs_get_clear_errors()
    {
        var good = MoFiles.Write(Entries);
        string Problem(byte[] bytes) => Should.Throw<InvalidDataException>(() => MoReader.Parse(bytes, "bad.mo")).Message;

        Problem(good[..20]).ShouldContain("too short");
        Problem([.. "GNU!"u8, .. good[4..]]).ShouldContain("magic number");
        var pastEnd = (byte[])good.Clone();
        pastEnd[8] = 200; // 200 messages: the tables run past the end
        Problem(pastEnd).ShouldContain("runs past the end");
        Problem(good[..^3]).ShouldContain("runs past the end of the file");
        var noNul = (byte[])good.Clone();
        noNul[^1] = (byte)'x';
        Problem(noNul).ShouldContain("not followed by a NUL byte");
        var revision = (byte[])good.Clone();
        revision[6] = 2;
        Problem(revision).ShouldContain("revision 2.0");
        var invalid = MoFiles.Write([("", MoFiles.Header()), ("Size", "Größe")], encoding: Encoding.Latin1);
        Problem(invalid).ShouldContain("entry 1: its translation is not valid utf-8");
    }

    [Fact]
    public void A_real_debian_catalog_reads_whole()
    {
        var coreutils = Path.Combine(RealData.DebianMessagesFolder(), "coreutils", "coreutils.mo");

        var catalog = MoReader.ReadFile(coreutils);

        catalog.Charset.ShouldBe("UTF-8", StringCompareShould.IgnoreCase);
        catalog.PluralCount.ShouldBe(2);
        catalog.Messages.Count.ShouldBeGreaterThan(1000);
        catalog.Messages.ShouldContain(m => m.Id == "write error" && m.Translations[0] == "Schreibfehler");
    }
}

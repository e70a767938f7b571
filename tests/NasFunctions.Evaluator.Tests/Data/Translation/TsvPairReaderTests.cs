using System.Text;
using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

public sealed class TsvPairReaderTests
{
    [Fact]
    public void Lines_are_source_tab_target_with_a_bom_crlf_and_blank_lines_allowed()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFGo.\tGeh.\r\n\nHi! \t Hallo!\nFile %s not found.\tDatei %s nicht gefunden.");

        var pairs = TsvPairReader.Parse(bytes, "mem.tsv");

        pairs.ShouldBe([new("Go.", "Geh."), new("Hi!", "Hallo!"), new("File %s not found.", "Datei %s nicht gefunden.")]);
    }

    [Theory]
    [InlineData("a\tb\nno tab here\n", "line 2: no tab")]
    [InlineData("a\tb\nc\td\ne\tf\tCC-BY 2.0\n", "line 3: 2 tabs (3 fields)")]
    [InlineData("a\tb\n \tb\n", "line 2: the source (before the tab) is empty")]
    [InlineData("a\tb\n\nc\t  \r\n", "line 3: the target (after the tab) is empty")]
    [InlineData("\n\n", "holds no pairs")]
    public void A_malformed_line_is_named_with_its_number(string text, string expected)
    {
        var error = Should.Throw<InvalidDataException>(() => TsvPairReader.Parse(Encoding.UTF8.GetBytes(text), "bad.tsv"));

        error.Message.ShouldContain("'bad.tsv'");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Invalid_utf8_is_named_with_its_line()
    {
        byte[] bytes = [.. "ok\tgut\n"u8, .. "caf"u8, 0xE9, .. "\tCafe\n"u8];

        var error = Should.Throw<InvalidDataException>(() => TsvPairReader.Parse(bytes, "latin1.tsv"));

        error.Message.ShouldContain("'latin1.tsv' line 2: not valid UTF-8");
    }

    [Fact]
    public void A_file_is_read_from_disk()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("pairs.tsv"), "one\teins\ntwo\tzwei\n");

        TsvPairReader.ReadFile(folder.File("pairs.tsv")).Count.ShouldBe(2);
    }
}

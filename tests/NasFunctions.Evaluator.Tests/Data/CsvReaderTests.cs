using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_hold_commas_line_breaks_and_doubled_quotes()
    {
        var text = "\uFEFFtext,label\r\n\"Hello, world\",a\n\"line one\r\nline two\",b\n\"He said \"\"hi\"\"\",a\nplain,\"\"\n\n";

        var records = CsvReader.Parse(text, "mem.csv");

        records.Select(r => r.Fields).ShouldBe(new IReadOnlyList<string>[]
        {
            ["text", "label"], ["Hello, world", "a"], ["line one\r\nline two", "b"], ["He said \"hi\"", "a"], ["plain", ""],
        });
        records.Select(r => r.Line).ShouldBe([1, 2, 3, 5, 6]);
    }

    [Fact]
    public void An_unclosed_quote_names_the_source_and_line()
    {
        var error = Should.Throw<InvalidDataException>(() => CsvReader.Parse("a,b\n1,\"open\n2,3\n", "bad.csv"));

        error.Message.ShouldContain("'bad.csv' line 2");
        error.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var error = Should.Throw<InvalidDataException>(() => CsvReader.Parse("a,b\n\"x\"y,1\n", "bad.csv"));

        error.Message.ShouldContain("'bad.csv' line 2");
        error.Message.ShouldContain("closing quote");
    }
}

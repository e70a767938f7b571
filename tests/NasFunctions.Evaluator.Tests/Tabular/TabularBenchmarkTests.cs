using NasFunctions.Evaluator.Tabular;

namespace NasFunctions.Evaluator.Tests.Tabular;

public class TabularBenchmarkTests
{
    private const string Table = """
        arch,acc_12ep,acc_200ep
        |a~0|,80.5,90.25
        |b~0|,85,94.37

        |c~0|,70.125,94.37
        """;

    private static TabularBenchmark Parse(string text, string? column = null) => TabularBenchmark.Parse(new StringReader(text), column, "t.csv");

    [Fact]
    public void Reads_the_second_column_by_default()
    {
        var table = Parse(Table);

        table.Column.ShouldBe("acc_12ep");
        table.Count.ShouldBe(3);
        table.Lookup("|b~0|").ShouldBe(85);
        table.Lookup("|z~0|").ShouldBeNull();
        table.Optimum.ShouldBe(85);
        table.OptimumArchitecture.ShouldBe("|b~0|");
        table.Architectures.ShouldBe(["|a~0|", "|b~0|", "|c~0|"]);
    }

    [Fact]
    public void Reads_a_column_by_name_and_knows_its_optimum()
    {
        var table = Parse(Table, "acc_200ep");

        table.Lookup("|c~0|").ShouldBe(94.37);
        table.Optimum.ShouldBe(94.37);
        table.OptimumArchitecture.ShouldBe("|b~0|");
    }

    [Fact]
    public void A_missing_column_lists_the_columns() =>
        Should.Throw<FormatException>(() => Parse(Table, "val_acc")).Message
            .ShouldBe("t.csv: no metric column 'val_acc'; columns: acc_12ep, acc_200ep");

    [Fact]
    public void The_architecture_column_is_no_metric() =>
        Should.Throw<FormatException>(() => Parse(Table, "arch")).Message.ShouldContain("no metric column 'arch'");

    [Fact]
    public void Lists_every_bad_number_duplicate_and_short_row()
    {
        var text = "arch,acc\n|a~0|,90\n|b~0|,ninety\n|a~0|,91\n|c~0|\n|d~0|,NaN\n";

        Should.Throw<FormatException>(() => Parse(text)).Message.ShouldBe(
            "t.csv: line 3: 'acc' is 'ninety', not a number; line 4: architecture '|a~0|' repeats line 2; " +
            "line 5: has 1 fields, needs column 2 ('acc'); line 6: 'acc' is 'NaN', not a number");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void An_empty_file_is_an_error(string text) =>
        Should.Throw<FormatException>(() => Parse(text)).Message.ShouldContain("the file is empty");

    [Fact]
    public void A_header_without_rows_is_an_error() =>
        Should.Throw<FormatException>(() => Parse("arch,acc\n")).Message.ShouldContain("no architectures");

    [Fact]
    public void A_header_needs_two_columns() =>
        Should.Throw<FormatException>(() => Parse("arch\n|a~0|\n")).Message.ShouldContain("expected an architecture column and a metric column");

    [Fact]
    public void Loads_a_file_and_reports_a_missing_one()
    {
        using var folder = new TempFolder();
        var path = folder.File("t.csv");
        File.WriteAllText(path, Table);

        TabularBenchmark.Load(path, "acc_200ep").Count.ShouldBe(3);
        Should.Throw<FileNotFoundException>(() => TabularBenchmark.Load(folder.File("missing.csv")));
        Should.Throw<FormatException>(() => TabularBenchmark.Load(path, "x")).Message.ShouldStartWith(path);
    }

    [Fact]
    public void Loads_the_shared_nas_bench_201_table()
    {
        var path = SharedTable("nasbench201-cifar10.csv");

        var table = TabularBenchmark.Load(path);

        table.Count.ShouldBe(15_625);
        table.Optimum.ShouldBe(94.37, 0.005);
        table.OptimumArchitecture.ShouldBe("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
    }

    /// <summary>The shared benchmark table of that name in a <c>shared/benchmarks</c> folder above the test's base directory; null when none.</summary>
    private static string SharedTable(string name)
    {
        if (Environment.GetEnvironmentVariable("NAS_BENCHMARKS") is { Length: > 0 } folder)
        {
            return Path.Combine(folder, name);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "benchmarks", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shared/benchmarks/{name} above {AppContext.BaseDirectory}; set NAS_BENCHMARKS to its folder");
    }
}

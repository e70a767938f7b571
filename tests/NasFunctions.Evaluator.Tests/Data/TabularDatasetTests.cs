using System.Globalization;
using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class TabularDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("wine", 178, 13, new[] { "class_0", "class_1", "class_2" })]
    [InlineData("breast-cancer", 569, 30, new[] { "benign", "malignant" })]
    [InlineData("iris", 150, 4, new[] { "setosa", "versicolor", "virginica" })]
    public void A_real_sklearn_csv_loads_with_its_shape_and_classes(string name, int rows, int features, string[] classes)
    {
        var data = TabularDataset.Load(new DatasetOptions { Name = "csv", Path = RealData.TabularCsv(name), LabelColumn = "class" });

        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(rows);
        data.Test.Count.ShouldBe((int)Math.Round(rows * 0.2));
        data.FeatureCount.ShouldBe(features);
        data.Train.Features.Length.ShouldBe(data.Train.Count * features);
        data.ClassNames.ShouldBe(classes);
        Enumerable.Range(0, classes.Length).ShouldAllBe(c => data.Train.Labels.Contains(c));
        for (var f = 0; f < features; f++)
        {
            Column(data.Train, f).Average().ShouldBe(0, 1e-4);
        }
    }

    [Fact]
    public void Integer_labels_are_classes_in_numeric_order()
    {
        var data = TabularDataset.Load(new DatasetOptions { Name = "csv", Path = RealData.TabularCsv("digits"), LabelColumn = "class" });

        data.FeatureCount.ShouldBe(64);
        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(1797);
        data.ClassNames.ShouldBe(Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        ClassLabels.FromLabels(["10", "2", " 1", "02", "-3"]).Names.ShouldBe(["-3", "1", "2", "10"]);
        ClassLabels.FromLabels(["b", "a", "B", "10", "a"]).Names.ShouldBe(["10", "B", "a", "b"]);
    }

    [Fact]
    public void Splits_are_fixed_by_seed_and_disjoint()
    {
        WriteIds(50);

        var data = Load(_folder.File("ids.csv"), seed: 4);
        var again = Load(_folder.File("ids.csv"), seed: 4);
        var other = Load(_folder.File("ids.csv"), seed: 5);

        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((36, 4, 10));
        var ids = Ids(data.Train, data).Concat(Ids(data.Validation, data)).Concat(Ids(data.Test, data)).ToArray();
        ids.Order().ShouldBe(Enumerable.Range(0, 50));
        Ids(again.Test, again).ShouldBe(Ids(data.Test, data));
        Ids(again.Validation, again).ShouldBe(Ids(data.Validation, data));
        Ids(other.Test, other).ShouldNotBe(Ids(data.Test, data));
        data.Test.Labels.ShouldBe(Ids(data.Test, data).Select(id => id % 2));
    }

    [Fact]
    public void Standardization_uses_the_train_split_only()
    {
        WriteIds(50);

        var data = Load(_folder.File("ids.csv"), seed: 1);

        var trainIds = Ids(data.Train, data).ToArray();
        data.Standardization.Means[0].ShouldBe(trainIds.Average(), 1e-9);
        var std = Math.Sqrt(trainIds.Average(i => Math.Pow(i - trainIds.Average(), 2)));
        data.Standardization.Stds[0].ShouldBe(std, 1e-9);
        Math.Abs(data.Standardization.Means[0] - 24.5).ShouldBeGreaterThan(0.01); // 24.5: the mean of every row
        Column(data.Train, 0).Average().ShouldBe(0, 1e-5);
        Math.Abs(Column(data.Test, 0).Average()).ShouldBeGreaterThan(1e-3);
        data.Standardization.Stds[1].ShouldBe(1); // a constant feature maps to 0
        Column(data.Test, 1).ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void A_folder_with_train_and_test_files_keeps_the_test_file_as_the_test_split()
    {
        Write("train.csv", "a,label", "1,x", "2,y", "3,x", "4,y", "5,x", "6,y", "7,x", "8,y", "9,x", "10,y");
        Write("test.csv", "a,label", "100,y", "200,x");

        var data = Load(_folder.Path);

        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((9, 1, 2));
        data.Test.Labels.ShouldBe([1, 0]);
        (data.Test.Features[0] * data.Standardization.Stds[0] + data.Standardization.Means[0]).ShouldBe(100, 1e-3);
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns()
    {
        Write("t.csv", "a,b,kind", "1,2,x", "3,4,y");

        var error = Should.Throw<InvalidDataException>(() => Load(_folder.File("t.csv")));

        error.Message.ShouldContain(_folder.File("t.csv"));
        error.Message.ShouldContain("no label column 'label'");
        error.Message.ShouldContain("'a', 'b', 'kind'");
    }

    [Fact]
    public void A_non_numeric_feature_names_its_line_and_column()
    {
        Write("t.csv", "a,b,label", "1,2,x", "3,4,y", "5,oops,x");

        var error = Should.Throw<InvalidDataException>(() => Load(_folder.File("t.csv")));

        error.Message.ShouldContain("line 4 (row 3), column 'b': 'oops' is not a finite number");
    }

    [Fact]
    public void A_ragged_row_names_its_line_and_widths()
    {
        Write("t.csv", "a,b,label", "1,2,x", "3,y", "5,6,x");

        var error = Should.Throw<InvalidDataException>(() => Load(_folder.File("t.csv")));

        error.Message.ShouldContain("line 3 (row 2) is ragged: it has 2 fields but the header has 3 columns");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a,label\n", "has a header but no data rows")]
    [InlineData("a,,label\n1,2,x\n", "column 2 has no name")]
    [InlineData("a,a,label\n1,2,x\n", "column 'a' appears twice")]
    [InlineData("a,label\n1,x\n2,x\n", "only one class ('x')")]
    [InlineData("a,label\n1,x\n2, \n", "line 3 (row 2): the label column 'label' is empty")]
    [InlineData("a,label\n1,\"x\n", "never closed")]
    public void A_malformed_file_gets_a_clear_error(string content, string expected)
    {
        File.WriteAllText(_folder.File("t.csv"), content);

        var error = Should.Throw<InvalidDataException>(() => Load(_folder.File("t.csv")));

        error.Message.ShouldContain(_folder.File("t.csv"));
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_class_with_no_training_rows_is_an_error()
    {
        Write("train.csv", "a,label", "1,x", "2,y", "3,x", "4,y");
        Write("test.csv", "a,label", "5,x", "6,z");

        var error = Should.Throw<InvalidDataException>(() => Load(_folder.Path));

        error.Message.ShouldContain(_folder.File("train.csv"));
        error.Message.ShouldContain("class 'z' has no rows in the train split");
    }

    [Fact]
    public void A_missing_file_says_what_the_path_must_be()
    {
        var error = Should.Throw<FileNotFoundException>(() => Load(_folder.Path));

        error.Message.ShouldContain("lacks train.csv");
    }

    private static TabularDataset Load(string path, int seed = 0) =>
        TabularDataset.Load(new DatasetOptions { Name = "csv", Path = path, Seed = seed });

    private void Write(string name, params string[] lines) => File.WriteAllLines(_folder.File(name), lines);

    // Rows "id,constant,label": id 0..count-1, a constant 7, label id % 2.
    private void WriteIds(int count) =>
        Write("ids.csv", ["id,constant,label", .. Enumerable.Range(0, count).Select(i => $"{i},7,{i % 2}")]);

    private static IEnumerable<int> Ids(TabularSplit split, TabularDataset data) =>
        Column(split, 0).Select(v => (int)Math.Round((v * data.Standardization.Stds[0]) + data.Standardization.Means[0]));

    private static IEnumerable<double> Column(TabularSplit split, int feature) =>
        Enumerable.Range(0, split.Count).Select(r => (double)split.Row(r)[feature]);

    public void Dispose() => _folder.Dispose();
}

using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class DatasetOptionsAndCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("fashion-mnist", DatasetKind.Idx)]
    [InlineData("MNIST", DatasetKind.Idx)]
    [InlineData("my-digits", DatasetKind.Idx)]
    [InlineData("cifar10", DatasetKind.Cifar10)]
    [InlineData("CIFAR-10", DatasetKind.Cifar10)]
    [InlineData("csv", DatasetKind.Csv)]
    [InlineData("text-csv", DatasetKind.TextCsv)]
    [InlineData("spam-assassin", DatasetKind.SpamAssassin)]
    [InlineData("parallel-tsv", DatasetKind.ParallelTsv)]
    [InlineData("Debian-Messages", DatasetKind.DebianMessages)]
    [InlineData("cmudict", DatasetKind.CmuDict)]
    public void The_name_picks_the_format(string name, DatasetKind kind) => new DatasetOptions { Name = name }.Kind.ShouldBe(kind);

    [Fact]
    public void Every_option_error_is_listed()
    {
        var options = new DatasetOptions
        {
            Name = "csv", LabelColumn = "", TextColumn = " ", TestFraction = 0, MaxVocabulary = 2, MinTokenCount = 0, MaxLength = 0,
        };

        var errors = options.Validate();

        errors.Count.ShouldBe(7);
        foreach (var start in new[] { "Path is required", "LabelColumn", "TextColumn", "TestFraction", "MaxVocabulary", "MinTokenCount", "MaxLength" })
        {
            errors.ShouldContain(e => e.StartsWith(start, StringComparison.Ordinal));
        }

        new DatasetOptions { Name = "spam-assassin" }.Validate().ShouldBeEmpty();
        new DatasetOptions { Name = "csv", Path = "x.csv", ValidationFraction = 0.5, TestFraction = 0.95 }.Validate()
            .ShouldContain(e => e.Contains("almost nothing to train on", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cache_keeps_each_kind_and_split_once()
    {
        File.WriteAllLines(_folder.File("t.csv"), ["a,label", .. Enumerable.Range(0, 20).Select(i => $"{i},{i % 2}")]);
        var options = new DatasetOptions { Name = "csv", Path = _folder.File("t.csv"), Seed = 1 };

        var first = DatasetCache.GetOrLoadTabular(options);

        DatasetCache.GetOrLoadTabular(new DatasetOptions { Name = "csv", Path = _folder.File("t.csv"), Seed = 1 }).ShouldBeSameAs(first);
        DatasetCache.GetOrLoadTabular(new DatasetOptions { Name = "csv", Path = _folder.File("t.csv"), Seed = 2 }).ShouldNotBeSameAs(first);
        Should.Throw<ArgumentException>(() => DatasetCache.GetOrLoad(options)).Message.ShouldContain("TabularDataset.Load");
        Should.Throw<ArgumentException>(() => DatasetCache.GetOrLoadText(options)).Message.ShouldContain("not a text data set");
    }

    [Fact]
    public void A_source_hands_the_loaders_a_local_copy_once()
    {
        var remote = Path.Combine(_folder.Path, "remote");
        Directory.CreateDirectory(remote);
        File.WriteAllLines(Path.Combine(remote, "train.csv"), ["text,label", "good day,pos", "bad day,neg", "good news,pos", "bad news,neg"]);
        var source = new CopyingSource(remote, Path.Combine(_folder.Path, "cache"));
        var options = new DatasetOptions { Name = "text-csv", Path = "datasets/reviews", MinTokenCount = 1, MaxLength = 4 };

        var data = DatasetCache.GetOrLoadText(options, source);
        var again = DatasetCache.GetOrLoadText(options, source);

        again.ShouldBeSameAs(data);
        source.Copies.ShouldBe(1);
        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(4);
        File.Exists(Path.Combine(_folder.Path, "cache", "datasets/reviews", "train.csv")).ShouldBeTrue();
    }

    public void Dispose() => _folder.Dispose();

    // Stands in for a Blob Storage source: "downloads" a folder into a cache folder keyed by the options' path.
    private sealed class CopyingSource(string remote, string cache) : IDatasetSource
    {
        public int Copies { get; private set; }

        public string Identify(DatasetOptions options) => "copy:" + options.Path;

        public string GetLocalPath(DatasetOptions options)
        {
            var local = Path.Combine(cache, options.Path!);
            if (!Directory.Exists(local))
            {
                Copies++;
                Directory.CreateDirectory(local);
                foreach (var file in Directory.GetFiles(remote))
                {
                    File.Copy(file, Path.Combine(local, Path.GetFileName(file)));
                }
            }

            return local;
        }
    }
}

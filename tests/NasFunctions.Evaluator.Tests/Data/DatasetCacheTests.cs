using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Evaluator.Tests.Data;

/// <summary>
/// The data set cache reads each location's files once and holds them once: splits of any seed or fractions are views that
/// share the files' pixels and values, and past its cap it forgets the least recently used data set. Reads are counted by
/// the source, copies by the bytes each split holds of its own.
/// </summary>
[Collection(TorchCollection.Name)] // the cap is the process's: nothing else may load meanwhile
public sealed class DatasetCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Image_splits_of_every_seed_and_fraction_are_views_of_one_read_of_the_files()
    {
        IdxFiles.WriteDataSet(_folder.Path, 200, 20, gzip: false);
        var source = new CountingSource(_folder.Path);

        var sets = new[] { (1, 0.1), (2, 0.1), (1, 0.3) }
            .Select(s => DatasetCache.GetOrLoad(new DatasetOptions { Path = "digits", Seed = s.Item1, ValidationFraction = s.Item2 }, source))
            .ToList();
        DatasetCache.GetOrLoad(new DatasetOptions { Name = "other-name", Path = "digits", Seed = 1 }, source);

        source.Reads.ShouldBe(1, "one location, one read");
        var files = sets[0].Train.ViewOf.ShouldNotBeNull();
        files.Count.ShouldBe(200);
        sets.ShouldAllBe(s => s.Train.ViewOf == files && s.Validation.ViewOf == files && s.Test == sets[0].Test);
        sets.ShouldAllBe(s => s.Train.OwnPixelBytes == 0 && s.Validation.OwnPixelBytes == 0, "a split copies no pixels");
        sets[1].Validation.Labels.ShouldNotBe(sets[0].Validation.Labels, "another seed is another split");
        sets[2].Validation.Count.ShouldBe(60);

        var capped = sets[0].Take(sets[0].Train.Count, 5, 5);
        (capped.Validation.ViewOf, capped.Validation.OwnPixelBytes, capped.Test.ViewOf).ShouldBe((files, 0L, sets[0].Test));
        capped.Validation.Image(3).ToArray().ShouldBe(sets[0].Validation.Image(3).ToArray());
    }

    [Fact]
    public void A_view_gives_the_pixels_a_copy_would()
    {
        IdxFiles.WriteDataSet(_folder.Path, 50, 10, gzip: false);
        var data = ImageDataset.Load(new DatasetOptions { Path = _folder.Path, Seed = 4 });
        var files = data.Train.ViewOf!;
        var order = Enumerable.Range(0, files.Count).ToArray();
        new Random(4).Shuffle(order);

        var expected = order[5..].SelectMany(i => files.Pixels.AsSpan(i * files.ImageSize, files.ImageSize).ToArray()).ToArray();

        data.Train.Pixels.ShouldBe(expected);
        data.Train.OwnPixelBytes.ShouldBe(expected.Length, "reading Pixels of a view makes the copy it describes");
        using var scope = TorchSharp.torch.NewDisposeScope();
        var (x, y) = new ImageBatches(data.Train, ImageNormalization.Measure(data.Train)).Create([0, 1], TorchSharp.torch.CPU);
        x.numel().ShouldBe(2 * files.ImageSize);
        y.data<long>().ToArray().ShouldBe([data.Train.Labels[0], data.Train.Labels[1]]);
    }

    [Fact]
    public void Table_splits_are_standardized_views_of_one_read_of_the_values()
    {
        File.WriteAllLines(_folder.File("t.csv"), ["a,b,label", .. Enumerable.Range(0, 60).Select(i => $"{i},{i * i % 7},{i % 3}")]);
        var source = new CountingSource(_folder.File("t.csv"));

        var first = DatasetCache.GetOrLoadTabular(new DatasetOptions { Name = "csv", Path = "t", Seed = 1 }, source);
        var second = DatasetCache.GetOrLoadTabular(new DatasetOptions { Name = "csv", Path = "t", Seed = 2 }, source);

        source.Reads.ShouldBe(1);
        new[] { first.Train, first.Validation, first.Test, second.Train }.ShouldAllBe(s => s.IsView && s.OwnFeatureBytes == 0);
        var row = first.Train.Row(0).ToArray();
        var raw = Enumerable.Range(0, 60).Single(i => first.Standardization.Standardize(i, 0) == row[0]);
        row.ShouldBe([first.Standardization.Standardize(raw, 0), first.Standardization.Standardize(raw * raw % 7, 1)]);
        second.Standardization.Means.ShouldNotBe(first.Standardization.Means, "each seed's train split has its own figures");
    }

    [Fact]
    public void Text_splits_of_two_seeds_read_the_texts_once()
    {
        File.WriteAllLines(_folder.File("r.csv"), ["text,label", .. Enumerable.Range(0, 30).Select(i => $"word{i % 5} more{i % 3},{(i % 2 == 0 ? "pos" : "neg")}")]);
        var source = new CountingSource(_folder.File("r.csv"));

        var first = DatasetCache.GetOrLoadText(new DatasetOptions { Name = "text-csv", Path = "r", Seed = 1, MinTokenCount = 1, MaxLength = 4 }, source);
        var second = DatasetCache.GetOrLoadText(new DatasetOptions { Name = "text-csv", Path = "r", Seed = 2, MinTokenCount = 1, MaxLength = 4 }, source);

        source.Reads.ShouldBe(1);
        second.ShouldNotBeSameAs(first);
    }

    [Fact]
    public void Past_its_cap_the_cache_forgets_the_least_recently_used_data_set()
    {
        var saved = DatasetCache.CapacityBytes;
        try
        {
            IdxFiles.WriteDataSet(Path.Combine(_folder.Path, "a"), 100, 10, gzip: false);
            IdxFiles.WriteDataSet(Path.Combine(_folder.Path, "b"), 100, 10, gzip: false);
            var a = new CountingSource(Path.Combine(_folder.Path, "a"));
            var b = new CountingSource(Path.Combine(_folder.Path, "b"));
            DatasetCache.Clear();
            DatasetCache.GetOrLoad(new DatasetOptions { Path = "a" }, a);
            var one = DatasetCache.SizeBytes;
            DatasetCache.CapacityBytes = (one * 3) / 2; // room for one data set, not two

            DatasetCache.GetOrLoad(new DatasetOptions { Path = "b" }, b);
            (DatasetCache.FilesHeld, DatasetCache.SizeBytes <= DatasetCache.CapacityBytes).ShouldBe((1, true));
            DatasetCache.GetOrLoad(new DatasetOptions { Path = "b", Seed = 3 }, b);
            DatasetCache.GetOrLoad(new DatasetOptions { Path = "a" }, a);

            (a.Reads, b.Reads).ShouldBe((2, 1), "a was forgotten for b, read again, and b's second split reused b's files");
            DatasetCache.CapacityBytes = 1; // smaller than any data set: all are forgotten, but the one in use is kept
            DatasetCache.FilesHeld.ShouldBe(0);
            DatasetCache.GetOrLoad(new DatasetOptions { Path = "a" }, a);
            (DatasetCache.FilesHeld, a.Reads).ShouldBe((1, 3));
        }
        finally
        {
            DatasetCache.CapacityBytes = saved;
        }
    }

    public void Dispose() => _folder.Dispose();

    // A source whose files are local, counting how often a loader asks for them (each ask is a read of the files).
    private sealed class CountingSource(string path) : IDatasetSource
    {
        private readonly string _id = Guid.NewGuid().ToString("N");

        public int Reads { get; private set; }

        public string Identify(DatasetOptions options) => $"{_id}:{options.Path}";

        public string GetLocalPath(DatasetOptions options)
        {
            Reads++;
            return path;
        }
    }
}

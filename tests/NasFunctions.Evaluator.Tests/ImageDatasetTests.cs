using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests;

public sealed class ImageDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_missing_folder_names_the_folder_the_files_and_the_package()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = Should.Throw<FileNotFoundException>(() => ImageDataset.Load(new DatasetOptions { Path = missing }));

        error.Message.ShouldContain(missing);
        foreach (var file in ImageDataset.RequiredFiles)
        {
            error.Message.ShouldContain(file);
        }

        error.Message.ShouldContain("apt-get install dataset-fashion-mnist");
    }

    [Fact]
    public void A_folder_lacking_some_files_names_the_ones_missing()
    {
        IdxFiles.WriteDataSet(_folder.Path, 20, 5, gzip: true);
        File.Delete(_folder.File("t10k-labels-idx1-ubyte.gz"));

        var error = Should.Throw<FileNotFoundException>(() => ImageDataset.Load(new DatasetOptions { Path = _folder.Path }));

        error.Message.ShouldContain($"lacks t10k-labels-idx1-ubyte");
        error.FileName.ShouldBe(_folder.File("t10k-labels-idx1-ubyte"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validation_is_carved_from_train_by_a_seeded_shuffle(bool gzip)
    {
        IdxFiles.WriteDataSet(_folder.Path, 100, 30, gzip);
        var options = new DatasetOptions { Path = _folder.Path, ValidationFraction = 0.2, Seed = 7 };

        var data = ImageDataset.Load(options);
        var again = ImageDataset.Load(options);
        var otherSeed = ImageDataset.Load(new DatasetOptions { Path = _folder.Path, ValidationFraction = 0.2, Seed = 8 });

        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((80, 20, 30));
        (data.Height, data.Width, data.Classes).ShouldBe((4, 4, 10));
        ImageIds(data.Train).Concat(ImageIds(data.Validation)).Order().ShouldBe(Enumerable.Range(0, 100));
        ImageIds(again.Validation).ShouldBe(ImageIds(data.Validation));
        ImageIds(otherSeed.Validation).ShouldNotBe(ImageIds(data.Validation));
        data.Validation.Labels.ShouldBe(ImageIds(data.Validation).Select(id => (byte)(id % 10)));
    }

    [Fact]
    public void Take_makes_a_small_copy_of_each_split()
    {
        IdxFiles.WriteDataSet(_folder.Path, 100, 30, gzip: false);
        var data = ImageDataset.Load(new DatasetOptions { Path = _folder.Path });

        var small = data.Take(10, 3, 500);

        (small.Train.Count, small.Validation.Count, small.Test.Count).ShouldBe((10, 3, 30));
        ImageIds(small.Train).ShouldBe(ImageIds(data.Train).Take(10));
        small.Normalization.ShouldBe(data.Normalization);
    }

    [Fact]
    public void Fashion_mnist_uses_its_known_normalization_and_other_sets_measure_theirs()
    {
        IdxFiles.WriteDataSet(_folder.Path, 50, 10, gzip: false);

        ImageDataset.Load(new DatasetOptions { Path = _folder.Path }).Normalization.ShouldBe(ImageNormalization.FashionMnist);
        var custom = ImageDataset.Load(new DatasetOptions { Name = "mine", Path = _folder.Path });
        custom.Normalization.Mean.ShouldBe(ImageNormalization.Measure(custom.Train).Mean);
        custom.Normalization.ShouldNotBe(ImageNormalization.FashionMnist);
    }

    [Fact]
    public void Options_default_to_fashion_mnist_in_the_debian_folder()
    {
        var options = new DatasetOptions();

        (options.Name, options.Path, options.ValidationFraction, options.Seed).ShouldBe(("fashion-mnist", (string?)null, 0.1, 0));
        options.ResolveFolder().ShouldBe("/usr/share/datasets/fashion-mnist");
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Options_list_every_error()
    {
        var errors = new DatasetOptions { Name = "cifar-10", ValidationFraction = 1.5 }.Validate();

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.StartsWith("Path is required", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("ValidationFraction", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cache_loads_each_folder_and_split_once()
    {
        IdxFiles.WriteDataSet(_folder.Path, 40, 10, gzip: true);

        var first = DatasetCache.GetOrLoad(new DatasetOptions { Path = _folder.Path, Seed = 1 });
        var second = DatasetCache.GetOrLoad(new DatasetOptions { Path = _folder.Path + "/", Seed = 1 });
        var otherSplit = DatasetCache.GetOrLoad(new DatasetOptions { Path = _folder.Path, Seed = 2 });

        second.ShouldBeSameAs(first);
        otherSplit.ShouldNotBeSameAs(first);
    }

    [Fact]
    public void The_cache_does_not_keep_a_failed_load()
    {
        var options = new DatasetOptions { Path = _folder.Path };
        Should.Throw<FileNotFoundException>(() => DatasetCache.GetOrLoad(options));

        IdxFiles.WriteDataSet(_folder.Path, 40, 10, gzip: false);

        DatasetCache.GetOrLoad(options).Train.Count.ShouldBe(36);
    }

    private static IEnumerable<int> ImageIds(LabeledImages images) =>
        Enumerable.Range(0, images.Count).Select(i => (int)images.Pixels[i * images.ImageSize]);

    public void Dispose() => _folder.Dispose();
}

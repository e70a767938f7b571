using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class CifarReaderTests : IDisposable
{
    private const int Plane = 32 * 32;
    private readonly TempFolder _folder = new();

    [Fact]
    public void Pixels_land_in_their_channel_row_and_column_and_labels_follow_the_records()
    {
        WriteFolder(perBatch: 4, testCount: 3);

        var (train, test) = CifarReader.ReadFolder(_folder.Path);

        (train.Count, test.Count).ShouldBe((20, 3));
        (train.Channels, train.Height, train.Width, train.ImageSize).ShouldBe((3, 32, 32, 3072));
        train.Labels.ShouldBe(Enumerable.Range(0, 20).Select(i => (byte)(i % 10)));
        foreach (var (image, c, y, x) in new[] { (0, 0, 0, 0), (5, 1, 2, 3), (19, 2, 31, 30), (7, 2, 0, 31) })
        {
            train.Pixels[(image * 3072) + (c * Plane) + (y * 32) + x].ShouldBe(Pixel(image, c, y, x));
        }

        test.Pixels[(2 * 3072) + (1 * Plane) + (4 * 32) + 5].ShouldBe(Pixel(100 + 2, 1, 4, 5));
    }

    [Fact]
    public void A_cifar10_data_set_has_three_channels_and_normalization_measured_per_channel_on_train()
    {
        WriteFolder(perBatch: 4, testCount: 3);

        var data = ImageDataset.Load(new DatasetOptions { Name = "cifar10", Path = _folder.Path, ValidationFraction = 0.25, Seed = 3 });

        (data.Channels, data.Height, data.Width, data.Classes).ShouldBe((3, 32, 32, 10));
        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((15, 5, 3));
        var measured = ImageNormalization.Measure(data.Train);
        data.Normalization.ShouldBe(measured);
        data.Normalization.ChannelMeans.Count.ShouldBe(3);
        data.Normalization.ChannelMeans[0].ShouldBe(ChannelMean(data.Train, 0), 1e-9);
        data.Normalization.ChannelMeans[2].ShouldBe(ChannelMean(data.Train, 2), 1e-9);
        Math.Abs(data.Normalization.ChannelMeans[0] - data.Normalization.ChannelMeans[2]).ShouldBeGreaterThan(0.1);
        data.Normalization.LookupTable(2)[255].ShouldBe(
            (float)((1 - data.Normalization.ChannelMeans[2]) / data.Normalization.ChannelStds[2]), 1e-5f);
        data.Take(2, 1, 1).Train.Channels.ShouldBe(3);
    }

    [Fact]
    public void A_batch_that_is_not_whole_records_is_truncated()
    {
        WriteFolder(perBatch: 2, testCount: 2);
        var path = _folder.File("data_batch_2.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^100]);

        var error = Should.Throw<InvalidDataException>(() => CifarReader.ReadFolder(_folder.Path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_label_above_nine_is_an_error_naming_the_record()
    {
        WriteFolder(perBatch: 2, testCount: 3);
        var path = _folder.File("test_batch.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[2 * CifarReader.RecordSize] = 10;
        File.WriteAllBytes(path, bytes);

        var error = Should.Throw<InvalidDataException>(() => CifarReader.ReadFolder(_folder.Path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("record 2");
        error.Message.ShouldContain("label 10");
    }

    [Fact]
    public void Missing_batches_are_all_named()
    {
        WriteFolder(perBatch: 1, testCount: 1);
        File.Delete(_folder.File("data_batch_3.bin"));
        File.Delete(_folder.File("test_batch.bin"));

        var error = Should.Throw<FileNotFoundException>(() => ImageDataset.Load(new DatasetOptions { Name = "cifar10", Path = _folder.Path }));

        error.Message.ShouldContain("lacks data_batch_3.bin, test_batch.bin");
        error.FileName.ShouldBe(_folder.File("data_batch_3.bin"));
    }

    [Fact]
    public void The_batches_may_sit_in_the_folder_the_archive_unpacks_into()
    {
        WriteFolder(perBatch: 1, testCount: 1, Path.Combine(_folder.Path, CifarReader.NestedFolder));

        CifarReader.ReadFolder(_folder.Path).Train.Count.ShouldBe(5);
    }

    // Channels apart by 70 levels (so their means differ), and within a channel a value that depends on image, row and column.
    private static byte Pixel(int image, int channel, int y, int x) => (byte)((channel * 70) + (((image * 7) + (y * 3) + x) % 60));

    private static double ChannelMean(LabeledImages images, int channel) =>
        Enumerable.Range(0, images.Count)
            .SelectMany(i => images.Pixels.AsSpan((i * 3072) + (channel * Plane), Plane).ToArray())
            .Average(p => p / 255.0);

    private void WriteFolder(int perBatch, int testCount, string? folder = null)
    {
        folder ??= _folder.Path;
        Directory.CreateDirectory(folder);
        for (var b = 0; b < 5; b++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{b + 1}.bin"), Batch(b * perBatch, perBatch));
        }

        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Batch(100, testCount));
    }

    private static byte[] Batch(int first, int count)
    {
        var bytes = new byte[count * CifarReader.RecordSize];
        for (var r = 0; r < count; r++)
        {
            var image = first + r;
            var record = bytes.AsSpan(r * CifarReader.RecordSize, CifarReader.RecordSize);
            record[0] = (byte)(image % 10);
            for (var c = 0; c < 3; c++)
            {
                for (var y = 0; y < 32; y++)
                {
                    for (var x = 0; x < 32; x++)
                    {
                        record[1 + (c * Plane) + (y * 32) + x] = Pixel(image, c, y, x);
                    }
                }
            }
        }

        return bytes;
    }

    public void Dispose() => _folder.Dispose();
}

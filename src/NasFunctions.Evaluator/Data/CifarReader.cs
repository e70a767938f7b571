namespace NasFunctions.Evaluator.Data;

/// <summary>Reads CIFAR-10's binary batches: records of one label byte (0-9) and 3,072 pixel bytes (3 x 32 x 32, CHW).</summary>
public static class CifarReader
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;

    /// <summary>Channels per image (red, green, blue).</summary>
    public const int Channels = 3;

    /// <summary>Number of classes; labels run from 0 to 9.</summary>
    public const int Classes = 10;

    /// <summary>Bytes per record: the label and the pixels.</summary>
    public const int RecordSize = 1 + (Channels * Side * Side);

    /// <summary>The training batches, in order.</summary>
    public static IReadOnlyList<string> TrainFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>The test batch.</summary>
    public const string TestFile = "test_batch.bin";

    /// <summary>The folder CIFAR-10's binary archive unpacks into; a data folder may hold it instead of the batches.</summary>
    public const string NestedFolder = "cifar-10-batches-bin";

    /// <summary>Reads the training batches of a folder (or of its <see cref="NestedFolder"/>), in order, and its test batch.</summary>
    /// <exception cref="FileNotFoundException">A batch is missing; the message names every missing one.</exception>
    /// <exception cref="InvalidDataException">A batch is truncated or holds a label above 9.</exception>
    public static (LabeledImages Train, LabeledImages Test) ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var nested = Path.Combine(folder, NestedFolder);
        if (!File.Exists(Path.Combine(folder, TrainFiles[0])) && File.Exists(Path.Combine(nested, TrainFiles[0])))
        {
            folder = nested;
        }

        var names = TrainFiles.Append(TestFile).ToArray();
        var missing = names.Where(n => !File.Exists(Path.Combine(folder, n))).ToArray();
        if (missing.Length > 0)
        {
            var where = Directory.Exists(folder) ? $"the folder '{folder}' lacks {string.Join(", ", missing)}" : $"the folder '{folder}' does not exist";
            throw new FileNotFoundException(
                $"CIFAR-10 not found: {where}. It needs the binary batches {string.Join(", ", names)} " +
                "(the 'binary version' of CIFAR-10, folder cifar-10-batches-bin).",
                Path.Combine(folder, missing[0]));
        }

        return (ReadBatches(TrainFiles.Select(n => Path.Combine(folder, n)).ToArray()), ReadBatch(Path.Combine(folder, TestFile)));
    }

    /// <summary>Reads several batches as one set, in order.</summary>
    public static LabeledImages ReadBatches(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var batches = paths.Select(ReadBatch).ToArray();
        var pixels = new byte[batches.Sum(b => (long)b.Pixels.Length)];
        var labels = new byte[batches.Sum(b => b.Count)];
        int pixelOffset = 0, labelOffset = 0;
        foreach (var batch in batches)
        {
            batch.Pixels.CopyTo(pixels, pixelOffset);
            batch.Labels.CopyTo(labels, labelOffset);
            pixelOffset += batch.Pixels.Length;
            labelOffset += batch.Count;
        }

        return new LabeledImages(Channels, Side, Side, pixels, labels);
    }

    /// <summary>Reads one batch file.</summary>
    /// <exception cref="InvalidDataException">The file's size is not a whole number of records, or a label is above 9.</exception>
    public static LabeledImages ReadBatch(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is empty; a CIFAR-10 batch holds {RecordSize}-byte records.");
        }

        if (bytes.Length % RecordSize != 0)
        {
            throw new InvalidDataException(
                $"'{path}' is truncated: {bytes.Length} bytes is not a whole number of {RecordSize}-byte CIFAR-10 records " +
                $"({bytes.Length / RecordSize} records and {bytes.Length % RecordSize} bytes over).");
        }

        var count = bytes.Length / RecordSize;
        var imageSize = RecordSize - 1;
        var pixels = new byte[(long)count * imageSize];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var record = bytes.AsSpan(i * RecordSize, RecordSize);
            if (record[0] >= Classes)
            {
                throw new InvalidDataException(
                    $"'{path}' record {i} (byte offset {(long)i * RecordSize}) has label {record[0]}; CIFAR-10 labels run from 0 to {Classes - 1}.");
            }

            labels[i] = record[0];
            record[1..].CopyTo(pixels.AsSpan(i * imageSize, imageSize));
        }

        return new LabeledImages(Channels, Side, Side, pixels, labels);
    }
}

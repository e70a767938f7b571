namespace NasFunctions.Evaluator.Data;

/// <summary>An image classification data set (IDX or CIFAR-10) split into train, validation (carved from the training files) and test.</summary>
public sealed class ImageDataset
{
    /// <summary>File names (without an optional <c>.gz</c>) that a data folder must hold, in MNIST's layout.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
    [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    ];

    /// <summary>Creates a data set from splits already in memory.</summary>
    public ImageDataset(
        string name, LabeledImages train, LabeledImages validation, LabeledImages test, int classes, ImageNormalization normalization)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (validation.Height != train.Height || validation.Width != train.Width || validation.Channels != train.Channels
            || test.Height != train.Height || test.Width != train.Width || test.Channels != train.Channels)
        {
            throw new ArgumentException("Train, validation and test images must all have the same size and channels.");
        }

        Name = name;
        Train = train;
        Validation = validation;
        Test = test;
        Classes = classes;
        Normalization = normalization;
    }

    /// <summary>The data set's name, such as "fashion-mnist".</summary>
    public string Name { get; }

    /// <summary>The training split: the training files less the validation split.</summary>
    public LabeledImages Train { get; }

    /// <summary>The validation split, drawn from the training files by a seeded shuffle.</summary>
    public LabeledImages Validation { get; }

    /// <summary>The test split: the t10k files.</summary>
    public LabeledImages Test { get; }

    /// <summary>Number of classes; labels run from 0 to Classes - 1.</summary>
    public int Classes { get; }

    /// <summary>How pixels are scaled into network inputs.</summary>
    public ImageNormalization Normalization { get; }

    /// <summary>Channels per image (grey images: 1, CIFAR-10: 3).</summary>
    public int Channels => Train.Channels;

    /// <summary>Image height in pixels.</summary>
    public int Height => Train.Height;

    /// <summary>Image width in pixels.</summary>
    public int Width => Train.Width;

    /// <summary>
    /// Loads a data set from its folder of IDX files (raw or gzipped) or CIFAR-10 batches, as the options' name says, and splits
    /// it as they say; CIFAR-10 and unknown sets are normalized per channel by figures measured on the train split.
    /// </summary>
    /// <param name="options">Which data set and how to split it.</param>
    /// <param name="source">Where its files come from; null (default): the local folder the options name.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or name no image data set.</exception>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the folder, the files and how to get them.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (wrong magic number, truncated, label out of range).</exception>
    public static ImageDataset Load(DatasetOptions options, IDatasetSource? source = null) => Split(ReadFiles(options, source), options);

    /// <summary>The image files the options name, read whole (both files' images and the class count), not yet split.</summary>
    internal static ImageFiles ReadFiles(DatasetOptions options, IDatasetSource? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        switch (options.Kind)
        {
            case DatasetKind.Idx:
            case DatasetKind.Cifar10:
                break;
            default:
                throw new ArgumentException(
                    $"Data set '{options.Name}' is a {options.Kind} data set, not an image one; load it with " +
                    $"{(options.Kind == DatasetKind.Csv ? nameof(TabularDataset) : nameof(TextDataset))}.Load.", nameof(options));
        }

        var folder = (source ?? LocalDatasetSource.Instance).GetLocalPath(options);
        if (options.Kind == DatasetKind.Cifar10)
        {
            var (cifarTrain, cifarTest) = CifarReader.ReadFolder(folder);
            return new ImageFiles(cifarTrain, cifarTest, CifarReader.Classes);
        }

        var files = FindFiles(folder, options.Name);
        var all = IdxReader.ReadLabeledImages(files[0], files[1]);
        var test = IdxReader.ReadLabeledImages(files[2], files[3]);
        if (test.Height != all.Height || test.Width != all.Width)
        {
            throw new InvalidDataException(
                $"'{files[2]}' holds {test.Height}x{test.Width} images but '{files[0]}' holds {all.Height}x{all.Width}.");
        }

        return new ImageFiles(all, test, Math.Max(2, Math.Max(MaxLabel(all), MaxLabel(test)) + 1));
    }

    /// <summary>Splits read files as the options say: the train and validation splits are views of the training file's images, the test split is the test file's.</summary>
    internal static ImageDataset Split(ImageFiles files, DatasetOptions options)
    {
        var (train, validation) = Split(files.Train, options.ValidationFraction, options.Seed);
        var normalization = options.Kind == DatasetKind.Cifar10 ? ImageNormalization.Measure(train) : NormalizationFor(options.Name, train);
        return new ImageDataset(options.Name, train, validation, files.Test, files.Classes, normalization);
    }

    /// <summary>A smaller view: the first images of each split (the train and validation splits are already shuffled).</summary>
    public ImageDataset Take(int trainCount, int validationCount, int testCount) =>
        new(Name, Train.Take(trainCount), Validation.Take(validationCount), Test.Take(testCount), Classes, Normalization);

    private static string[] FindFiles(string folder, string name)
    {
        var found = RequiredFiles
            .Select(file => new[] { file, file + ".gz" }.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists))
            .ToArray();
        var missing = RequiredFiles.Where((_, i) => found[i] is null).ToArray();
        if (missing.Length == 0)
        {
            return found!;
        }

        var where = Directory.Exists(folder) ? $"the folder '{folder}' lacks {string.Join(", ", missing)}" : $"the folder '{folder}' does not exist";
        throw new FileNotFoundException(
            $"Data set '{name}' not found: {where}. It needs the four IDX files {string.Join(", ", RequiredFiles)} " +
            $"(each raw or gzipped as .gz). For Fashion-MNIST run 'apt-get install dataset-fashion-mnist' " +
            $"(it installs them into {DatasetOptions.FashionMnistFolder}), or set Path to a folder holding them.",
            Path.Combine(folder, missing[0]));
    }

    private static (LabeledImages Train, LabeledImages Validation) Split(LabeledImages all, double fraction, int seed)
    {
        var order = Enumerable.Range(0, all.Count).ToArray();
        new Random(seed).Shuffle(order);
        var validationCount = Math.Clamp((int)Math.Round(all.Count * fraction), 1, Math.Max(1, all.Count - 1));
        return (all.Select(order[validationCount..]), all.Select(order[..validationCount]));
    }

    private static int MaxLabel(LabeledImages images) => images.Count == 0 ? 0 : images.Labels.Max();

    private static ImageNormalization NormalizationFor(string name, LabeledImages train) => name.ToLowerInvariant() switch
    {
        "fashion-mnist" => ImageNormalization.FashionMnist,
        "mnist" => ImageNormalization.Mnist,
        _ => ImageNormalization.Measure(train),
    };
}

using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Augmentation;

/// <summary>Applies an <see cref="ImageAugmentation"/> to a batch of normalized images (N, C, H, W) with batched tensor ops on the batch's device.</summary>
/// <remarks>
/// The random choices are drawn on the host (<see cref="AugmentationDraws"/>, a few numbers per image) from a generator of
/// (seed, epoch), so an epoch is augmented the same on every device and after every resume; the pixels never leave the
/// device. The crop pads with each channel's black level (the normalized value of a 0 pixel), as padding the raw image
/// with zeros would; the cutout sets its square to 0, the data set's mean after normalization. Order: crop, flip, cutout.
/// Every tensor made belongs to the caller's dispose scope.
/// </remarks>
public sealed class ImageAugmenter : IDisposable
{
    private readonly float[] _blackLevels;
    private readonly Scalar _mean = 0f.ToScalar(); // held: an inline scalar could be finalized mid-call

    /// <summary>An augmenter for images whose channels have the given black levels (<see cref="ImageBatches.BlackLevels"/>).</summary>
    /// <exception cref="ArgumentException">Crop padding or cutout is negative, or no black level is given.</exception>
    public ImageAugmenter(ImageAugmentation settings, IReadOnlyList<float> blackLevels)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(blackLevels);
        if (settings.CropPadding < 0 || settings.Cutout < 0 || blackLevels.Count == 0)
        {
            throw new ArgumentException("Crop padding and cutout must not be negative, and there must be a black level per channel.", nameof(settings));
        }

        Settings = settings;
        _blackLevels = [.. blackLevels];
    }

    /// <summary>The augmenter of a training's images, or null when <paramref name="settings"/> change nothing (call <see cref="Check"/> first).</summary>
    public static ImageAugmenter? For(TrainingData data, ImageAugmentation settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IsNone ? null : new ImageAugmenter(settings, ((ImageBatches)data.Train).BlackLevels);
    }

    /// <summary>Every problem with augmenting the training images of <paramref name="data"/> with <paramref name="settings"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Check(TrainingData data, ImageAugmentation settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (settings is null || settings.IsNone)
        {
            return [];
        }

        if (data.Train is not ImageBatches || data.Shape.Sample.Count != 3)
        {
            return [$"Augmentation is for image data sets; '{data.Name}' holds no images."];
        }

        return settings.Check(data.Shape.Sample[1], data.Shape.Sample[2]);
    }

    /// <summary>What this augmenter changes.</summary>
    public ImageAugmentation Settings { get; }

    /// <summary>The batch with fresh choices drawn from <paramref name="random"/> (an epoch's generator, <see cref="AugmentationDraws.ForEpoch"/>).</summary>
    public Tensor Apply(Tensor images, Random random)
    {
        ArgumentNullException.ThrowIfNull(images);
        var (n, _, h, w) = Dimensions(images);
        return Apply(images, AugmentationDraws.Draw(Settings, random, n, h, w));
    }

    /// <summary>The batch changed by the given choices (one entry per image in each of their arrays that the settings use).</summary>
    public Tensor Apply(Tensor images, AugmentationDraws draws)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(draws);
        var (n, c, h, w) = Dimensions(images);
        if (c != _blackLevels.Length)
        {
            throw new ArgumentException($"The images have {c} channels but the augmenter has {_blackLevels.Length} black levels.", nameof(images));
        }

        var x = images;
        if (Settings.CropPadding > 0)
        {
            x = Crop(x, draws, n, c, h, w);
        }

        if (Settings.Flip)
        {
            var flipped = OnDevice(tensor(draws.Flips, [n, 1, 1, 1]), x.device);
            x = where(flipped, x.flip(3), x);
        }

        if (Settings.Cutout > 0)
        {
            x = x.masked_fill(CutoutMask(draws, n, h, w, x.device), _mean);
        }

        return x;
    }

    /// <inheritdoc />
    public void Dispose() => _mean.Dispose();

    /// <summary>Each image padded on every side with its channels' black levels, then the window at its offsets picked by two gathers.</summary>
    private Tensor Crop(Tensor x, AugmentationDraws draws, int n, int c, int h, int w)
    {
        var p = Settings.CropPadding;
        var fill = OnDevice(tensor(_blackLevels, [1, c, 1, 1]), x.device).to(x.dtype);
        var padded = fill.expand(n, c, h + (2 * p), w + (2 * p)).clone();
        padded.narrow(2, p, h).narrow(3, p, w).copy_(x);
        var rows = OnDevice(tensor(Window(draws.RowOffsets, n, h), [n, 1, h, 1]), x.device);
        var byRow = padded.gather(2, rows.expand(n, c, h, w + (2 * p)));
        var columns = OnDevice(tensor(Window(draws.ColumnOffsets, n, w), [n, 1, 1, w]), x.device);
        return byRow.gather(3, columns.expand(n, c, h, w));
    }

    /// <summary>True inside each image's cutout square (clipped at the border), as (N, 1, H, W).</summary>
    private Tensor CutoutMask(AugmentationDraws draws, int n, int h, int w, Device device)
    {
        var rows = OnDevice(tensor(Inside(draws.CutoutRows, n, h), [n, 1, h, 1]), device);
        var columns = OnDevice(tensor(Inside(draws.CutoutColumns, n, w), [n, 1, 1, w]), device);
        return rows.logical_and(columns);
    }

    /// <summary>Per image, the indices offset, offset + 1, ..., offset + length - 1.</summary>
    private static long[] Window(int[] offsets, int n, int length)
    {
        var indices = new long[n * length];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < length; j++)
            {
                indices[(i * length) + j] = offsets[i] + j;
            }
        }

        return indices;
    }

    /// <summary>Per image, whether each of <paramref name="length"/> positions lies in the cutout's span around its centre.</summary>
    private bool[] Inside(int[] centres, int n, int length)
    {
        var inside = new bool[n * length];
        for (var i = 0; i < n; i++)
        {
            var first = centres[i] - (Settings.Cutout / 2);
            for (var j = Math.Max(0, first); j < Math.Min(length, first + Settings.Cutout); j++)
            {
                inside[(i * length) + j] = true;
            }
        }

        return inside;
    }

    private static Tensor OnDevice(Tensor t, Device device) => device.type == DeviceType.CPU ? t : t.to(device);

    private static (int N, int C, int H, int W) Dimensions(Tensor images) => images.dim() == 4
        ? ((int)images.shape[0], (int)images.shape[1], (int)images.shape[2], (int)images.shape[3])
        : throw new ArgumentException($"Image batches are (N, C, H, W), not of {images.dim()} dimensions.", nameof(images));
}

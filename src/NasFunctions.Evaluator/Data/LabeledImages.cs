namespace NasFunctions.Evaluator.Data;

/// <summary>Images with one class label each, kept as managed bytes (pixels channel-major then row-major, 0-255).</summary>
public sealed class LabeledImages
{
    /// <summary>Creates a set of grey images from pixels (count x height x width bytes) and one label per image.</summary>
    public LabeledImages(int height, int width, byte[] pixels, byte[] labels)
        : this(1, height, width, pixels, labels)
    {
    }

    /// <summary>Creates a set from pixels (count x channels x height x width bytes, CHW per image) and one label per image.</summary>
    public LabeledImages(int channels, int height, int width, byte[] pixels, byte[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.LongLength != (long)labels.Length * channels * height * width)
        {
            throw new ArgumentException(
                $"{pixels.Length} pixel bytes do not make {labels.Length} images of {channels}x{height}x{width}.", nameof(pixels));
        }

        Channels = channels;
        Height = height;
        Width = width;
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Channels per image (grey: 1, colour: 3).</summary>
    public int Channels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Bytes per image (channels x height x width).</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>All pixels, image after image, each channel after channel, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>The class of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>A copy holding the images at the given indices, in that order.</summary>
    public LabeledImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = ImageSize;
        var pixels = new byte[(long)indices.Count * size];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var source = indices[i];
            if ((uint)source >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), source, $"Index out of range for {Count} images.");
            }

            Array.Copy(Pixels, (long)source * size, pixels, (long)i * size, size);
            labels[i] = Labels[source];
        }

        return new LabeledImages(Channels, Height, Width, pixels, labels);
    }

    /// <summary>A copy holding the first <paramref name="count"/> images (all of them when there are fewer).</summary>
    public LabeledImages Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return new LabeledImages(Channels, Height, Width, Pixels.AsSpan(0, n * ImageSize).ToArray(), Labels.AsSpan(0, n).ToArray());
    }
}

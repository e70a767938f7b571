namespace NasFunctions.Evaluator.Data;

/// <summary>Images with one class label each, kept as managed bytes (pixels channel-major then row-major, 0-255).</summary>
/// <remarks>
/// A set either holds its pixels or is a view: some images of another set, in some order (<see cref="Select"/>,
/// <see cref="Take"/>), sharing its pixels. Splits are views of the files' images, so a data set is in memory once however
/// many splits and seeds use it. Readers go through <see cref="Image"/>; <see cref="Pixels"/> of a view makes a copy.
/// </remarks>
public sealed class LabeledImages
{
    private readonly byte[]? _pixels;
    private readonly int[]? _rows;
    private byte[]? _copiedPixels;

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
        _pixels = pixels;
        Labels = labels;
    }

    private LabeledImages(LabeledImages source, int[] rows)
    {
        var root = source.ViewOf ?? source;
        var labels = new byte[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if ((uint)rows[i] >= (uint)source.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"Index out of range for {source.Count} images.");
            }

            rows[i] = source.RootRow(rows[i]);
            labels[i] = root.Labels[rows[i]];
        }

        Channels = source.Channels;
        Height = source.Height;
        Width = source.Width;
        ViewOf = root;
        _rows = rows;
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

    /// <summary>
    /// All pixels, image after image, each channel after channel, row-major. A view copies them (once) to answer: read
    /// single images with <see cref="Image"/> instead.
    /// </summary>
    public byte[] Pixels => _pixels ?? (_copiedPixels ??= CopyPixels());

    /// <summary>The class of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>The set whose pixels this view shares; null when this set holds its own.</summary>
    public LabeledImages? ViewOf { get; }

    /// <summary>Bytes of pixels this set holds itself (a view holds none until <see cref="Pixels"/> is read).</summary>
    public long OwnPixelBytes => (_pixels ?? _copiedPixels)?.LongLength ?? 0;

    /// <summary>The pixels of image <paramref name="index"/> (channel after channel, row-major).</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index out of range for {Count} images.");
        }

        var pixels = ViewOf is null ? _pixels! : ViewOf._pixels!;
        return pixels.AsSpan(RootRow(index) * ImageSize, ImageSize);
    }

    /// <summary>A view of the images at the given indices, in that order (the pixels are shared, not copied).</summary>
    public LabeledImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new LabeledImages(this, [.. indices]);
    }

    /// <summary>A view of the first <paramref name="count"/> images (all of them when there are fewer).</summary>
    public LabeledImages Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new LabeledImages(this, [.. Enumerable.Range(0, Math.Min(count, Count))]);
    }

    private int RootRow(int index) => _rows is null ? index : _rows[index];

    private byte[] CopyPixels()
    {
        var pixels = new byte[(long)Count * ImageSize];
        for (var i = 0; i < Count; i++)
        {
            Image(i).CopyTo(pixels.AsSpan(i * ImageSize, ImageSize));
        }

        return pixels;
    }
}

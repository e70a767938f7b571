using NasFunctions.Evaluator.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Float image batches (N, C, H, W) from the managed bytes of a split, each channel normalized by its own figures.</summary>
public sealed class ImageBatches : IBatchSource
{
    private readonly LabeledImages _images;
    private readonly float[][] _tables;

    /// <summary>Makes batches of <paramref name="images"/> scaled by <paramref name="normalization"/> (per channel when it has a figure per channel).</summary>
    public ImageBatches(LabeledImages images, ImageNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(normalization);
        _images = images;
        _tables = [.. Enumerable.Range(0, images.Channels)
            .Select(c => normalization.ChannelMeans.Count == images.Channels ? normalization.LookupTable(c) : normalization.LookupTable())];
    }

    /// <inheritdoc />
    public int Count => _images.Count;

    /// <summary>Per channel, the normalized value of a black (0) pixel: what a crop's padding fills with (<see cref="Augmentation.ImageAugmenter"/>).</summary>
    public IReadOnlyList<float> BlackLevels => [.. _tables.Select(table => table[0])];

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Labels) Create(ReadOnlySpan<int> indices, Device device)
    {
        var size = _images.ImageSize;
        var plane = _images.Height * _images.Width;
        var values = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var image = _images.Image(indices[i]);
            for (var c = 0; c < _images.Channels; c++)
            {
                var table = _tables[c];
                var source = image.Slice(c * plane, plane);
                var target = values.AsSpan((i * size) + (c * plane), plane);
                for (var p = 0; p < plane; p++)
                {
                    target[p] = table[source[p]];
                }
            }

            labels[i] = _images.Labels[indices[i]];
        }

        var x = tensor(values, [indices.Length, _images.Channels, _images.Height, _images.Width]);
        var y = tensor(labels, [indices.Length]);
        return device.type == DeviceType.CPU ? (x, y) : (x.to(device), y.to(device));
    }
}

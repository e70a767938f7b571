using NasFunctions.Evaluator.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Makes float image tensors and label tensors for a batch from the managed bytes of a split.</summary>
internal sealed class BatchTensors
{
    private readonly LabeledImages _images;
    private readonly float[] _table;
    private readonly Device _device;

    public BatchTensors(LabeledImages images, ImageNormalization normalization, Device device)
    {
        _images = images;
        _table = normalization.LookupTable();
        _device = device;
    }

    /// <summary>Images (N, 1, H, W) and labels (N) for the given sample indices; both belong to the caller's dispose scope.</summary>
    public (Tensor Images, Tensor Labels) Create(ReadOnlySpan<int> indices)
    {
        var size = _images.ImageSize;
        var values = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var source = _images.Pixels.AsSpan(indices[i] * size, size);
            var target = values.AsSpan(i * size, size);
            for (var p = 0; p < size; p++)
            {
                target[p] = _table[source[p]];
            }

            labels[i] = _images.Labels[indices[i]];
        }

        var x = tensor(values, [indices.Length, 1, _images.Height, _images.Width]);
        var y = tensor(labels, [indices.Length]);
        return _device.type == DeviceType.CPU ? (x, y) : (x.to(_device), y.to(_device));
    }
}

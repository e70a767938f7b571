using NasFunctions.Evaluator.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Float feature batches (N, F) from a tabular split (already standardized).</summary>
public sealed class TabularBatches(TabularSplit split) : IBatchSource
{
    private readonly TabularSplit _split = split ?? throw new ArgumentNullException(nameof(split));

    /// <inheritdoc />
    public int Count => _split.Count;

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Labels) Create(ReadOnlySpan<int> indices, Device device)
    {
        var features = _split.FeatureCount;
        var values = new float[indices.Length * features];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            _split.CopyRow(indices[i], values.AsSpan(i * features, features));
            labels[i] = _split.Labels[indices[i]];
        }

        var x = tensor(values, [indices.Length, features]);
        var y = tensor(labels, [indices.Length]);
        return device.type == DeviceType.CPU ? (x, y) : (x.to(device), y.to(device));
    }
}

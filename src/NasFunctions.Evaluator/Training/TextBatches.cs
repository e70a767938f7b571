using NasFunctions.Evaluator.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Int64 token id batches (N, L) from a text split.</summary>
public sealed class TextBatches(TextSplit split) : IBatchSource
{
    private readonly TextSplit _split = split ?? throw new ArgumentNullException(nameof(split));

    /// <inheritdoc />
    public int Count => _split.Count;

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Labels) Create(ReadOnlySpan<int> indices, Device device)
    {
        var length = _split.Length;
        var ids = new long[indices.Length * length];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var sequence = _split.Sequence(indices[i]);
            for (var t = 0; t < length; t++)
            {
                ids[(i * length) + t] = sequence[t];
            }

            labels[i] = _split.Labels[indices[i]];
        }

        var x = tensor(ids, [indices.Length, length]);
        var y = tensor(labels, [indices.Length]);
        return device.type == DeviceType.CPU ? (x, y) : (x.to(device), y.to(device));
    }
}

using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>One split of a data set that makes input and label tensors for any batch of its sample indices.</summary>
public interface IBatchSource
{
    /// <summary>Number of samples in the split.</summary>
    int Count { get; }

    /// <summary>Inputs (N, ...) and int64 labels (N) for the given sample indices on <paramref name="device"/>; both belong to the caller's dispose scope.</summary>
    (Tensor Inputs, Tensor Labels) Create(ReadOnlySpan<int> indices, Device device);
}

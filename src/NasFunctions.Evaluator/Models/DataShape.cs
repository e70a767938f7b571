using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>What a model takes and gives: one sample's input shape, the class count, and for token inputs the vocabulary size.</summary>
/// <param name="Sample">One sample's shape without the batch dimension: (C, H, W) images, (F) feature rows, (L) token sequences.</param>
/// <param name="Classes">Number of classes the head scores.</param>
/// <param name="Vocabulary">Distinct token ids for token inputs (int64 ids below it); 0 for float inputs.</param>
public sealed record DataShape(IReadOnlyList<int> Sample, int Classes, int Vocabulary = 0)
{
    /// <summary>Whether inputs are token ids (int64) rather than floats.</summary>
    public bool IsTokens => Vocabulary > 0;

    /// <summary>One sample's shape as torch dimensions.</summary>
    public long[] SampleShape => [.. Sample.Select(d => (long)d)];

    /// <summary>The shape of images (channels, height, width).</summary>
    public static DataShape Image(int channels, int height, int width, int classes) => new([channels, height, width], classes);

    /// <summary>The shape of feature rows.</summary>
    public static DataShape Tabular(int features, int classes) => new([features], classes);

    /// <summary>The shape of fixed-length token sequences over a vocabulary.</summary>
    public static DataShape Text(int length, int vocabulary, int classes) => new([length], classes, vocabulary);

    /// <summary>A batch of inputs of this shape holding ones (token id 1 for token inputs), in the caller's dispose scope.</summary>
    public Tensor Ones(int batch, Device device) =>
        ones([batch, .. SampleShape], dtype: IsTokens ? ScalarType.Int64 : ScalarType.Float32, device: device);
}

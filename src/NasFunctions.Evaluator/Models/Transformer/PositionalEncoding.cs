using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>The sinusoidal position signal of Vaswani et al. (2017), added to token embeddings: no parameters.</summary>
/// <remarks>Position p, feature 2i: sin(p / 10000^(2i / width)); feature 2i + 1: cos(p / 10000^(2i / width)).</remarks>
public static class PositionalEncoding
{
    /// <summary>The signal for positions 0..length-1: [length, width] (width even).</summary>
    public static Tensor Table(long length, long width, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (width <= 0 || width % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be positive and even.");
        }

        var values = new float[length * width];
        for (var p = 0; p < length; p++)
        {
            for (var i = 0; i < width; i += 2)
            {
                var angle = p / Math.Pow(10_000, (double)i / width);
                values[(p * width) + i] = (float)Math.Sin(angle);
                values[(p * width) + i + 1] = (float)Math.Cos(angle);
            }
        }

        return tensor(values, [length, width], device: device);
    }
}

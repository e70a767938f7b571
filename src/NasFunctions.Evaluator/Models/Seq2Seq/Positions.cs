using NasFunctions.Evaluator.Models.Transformer;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>The sinusoidal position signal for any width: an odd width takes the first features of the next even one.</summary>
internal static class Positions
{
    /// <summary>[length, width] in the caller's dispose scope.</summary>
    public static Tensor Signal(long length, long width, Device device)
    {
        var table = PositionalEncoding.Table(length, width + (width % 2), device);
        return width % 2 == 0 ? table : table.narrow(1, 0, width);
    }
}

using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>The encoder side of a sequence-to-sequence network: embedded source positions in, encoded positions (the memory) out.</summary>
internal interface ISequenceEncoder
{
    /// <summary>The memory [batch, length, width] of embedded sources [batch, length, width]; <paramref name="padding"/> [batch, length] is true at padded positions.</summary>
    Tensor Encode(Tensor source, Tensor padding);
}

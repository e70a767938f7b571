using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>The decoder side of a sequence-to-sequence network: embedded target prefixes and the memory in, one feature vector per target position out.</summary>
internal interface ISequenceDecoder
{
    /// <summary>
    /// Features [batch, targetLength, width] for embedded targets [batch, targetLength, width]; position t sees targets 0..t
    /// only, and the memory [batch, sourceLength, width] except its padded positions (<paramref name="sourcePadding"/>).
    /// </summary>
    Tensor Decode(Tensor target, Tensor memory, Tensor targetPadding, Tensor sourcePadding);

    /// <summary>The state step-by-step decoding starts from, for the memory [batch, sourceLength, width] and its padding [batch, sourceLength].</summary>
    DecoderState Begin(Tensor memory, Tensor sourcePadding);

    /// <summary>
    /// Features [batch, 1, width] of the next position for the embedded token [batch, 1, width] at position
    /// <see cref="DecoderState.Steps"/>: what <see cref="Decode"/> gives at that position for the whole prefix; the next state
    /// is left pending in <paramref name="state"/>.
    /// </summary>
    Tensor Step(Tensor token, DecoderState state);
}

namespace NasFunctions.Evaluator.Measures;

/// <summary>The floating-point operations of one layer (or network) for one sample, and the shape it outputs (batch dimension left out).</summary>
/// <param name="Flops">Operations for one sample; a multiply-add counts as 2 (see <see cref="FlopCounter"/>).</param>
/// <param name="OutputShape">The shape of one sample's output, without the batch dimension.</param>
public sealed record FlopCount(long Flops, long[] OutputShape);

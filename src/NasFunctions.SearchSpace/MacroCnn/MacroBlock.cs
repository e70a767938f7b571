namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>One block of a macro CNN as picked: its operation and, for convolutions, width, batch norm and skip.</summary>
/// <param name="Operation">What the block computes.</param>
/// <param name="Channels">Output channels of a convolution; ignored (0) for pooling blocks, which keep their input's.</param>
/// <param name="BatchNorm">Whether a convolution is followed by batch norm; false for pooling blocks.</param>
/// <param name="Skip">Whether a convolution adds a residual shortcut from its input (projected when shapes differ).</param>
public sealed record MacroBlock(MacroOperation Operation, int Channels, bool BatchNorm, bool Skip)
{
    /// <summary>True for the convolution operations, which own channels, batch norm and skip.</summary>
    public bool IsConvolution => Operation is MacroOperation.Conv3x3 or MacroOperation.Conv5x5 or MacroOperation.SepConv3x3;
}

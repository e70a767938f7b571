namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>A picked macro CNN in typed form: input shape, class count and its blocks, in order.</summary>
/// <param name="InputChannels">Channels of the input images (1 for grey).</param>
/// <param name="InputHeight">Input height in pixels.</param>
/// <param name="InputWidth">Input width in pixels.</param>
/// <param name="Classes">Number of output classes.</param>
/// <param name="Blocks">The blocks, from input to head; the head is global average pooling then a linear layer.</param>
public sealed record MacroCnnNetwork(int InputChannels, int InputHeight, int InputWidth, int Classes, IReadOnlyList<MacroBlock> Blocks);

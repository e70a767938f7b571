namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>One layer of a picked text encoder: what it computes over the token sequence, and its output width.</summary>
/// <param name="Operation">One of <see cref="TextEncoderVocabulary.Layers"/>: <c>conv3</c>/<c>conv5</c>/<c>conv7</c> (1-D convolution of that kernel), <c>lstm</c>, <c>gru</c> or <c>attention</c> (one self-attention block).</param>
/// <param name="Width">Output features per position.</param>
public sealed record TextEncoderLayer(string Operation, int Width);

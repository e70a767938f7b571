namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>A picked text classifier in typed form: token embedding, a stack of sequence layers, pooling over positions, a linear head.</summary>
/// <param name="Vocabulary">Number of distinct tokens.</param>
/// <param name="MaxLength">Tokens per input (longer inputs are cut, shorter padded).</param>
/// <param name="Classes">Number of output classes.</param>
/// <param name="Embedding">Embedding size per token.</param>
/// <param name="Layers">The sequence layers, from embedding to pooling.</param>
/// <param name="Pooling">How positions are pooled into one vector: one of <see cref="TextEncoderVocabulary.Pooling"/>.</param>
public sealed record TextEncoderNetwork(int Vocabulary, int MaxLength, int Classes, int Embedding, IReadOnlyList<TextEncoderLayer> Layers, string Pooling);

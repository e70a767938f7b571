namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>The encoder, decoder and normalization names a seq2seq space may allow.</summary>
public static class Seq2SeqVocabulary
{
    /// <summary>The Transformer stack's name.</summary>
    public const string Transformer = "transformer";

    /// <summary>Every known encoder or decoder: recurrent (with attention over the encoder's outputs) or Transformer.</summary>
    public static IReadOnlyList<string> Stacks { get; } = ["lstm", "gru", Transformer];

    /// <summary>Where a Transformer layer normalizes: before each sub-layer (pre) or after its residual sum (post).</summary>
    public static IReadOnlyList<string> Norms { get; } = ["pre", "post"];
}

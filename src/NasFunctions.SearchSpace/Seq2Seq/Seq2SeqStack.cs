namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>One side of a picked sequence-to-sequence network: what its layers are, and how many.</summary>
/// <param name="Kind">One of <see cref="Seq2SeqVocabulary.Stacks"/>: <c>lstm</c>, <c>gru</c> or <c>transformer</c>.</param>
/// <param name="Layers">Number of layers.</param>
public sealed record Seq2SeqStack(string Kind, int Layers)
{
    /// <summary>True for a Transformer stack.</summary>
    public bool IsTransformer => Kind == Seq2SeqVocabulary.Transformer;
}

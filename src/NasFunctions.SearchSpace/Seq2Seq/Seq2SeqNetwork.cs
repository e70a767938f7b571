namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>A picked sequence-to-sequence network in typed form: embeddings, an encoder, a decoder attending to it, an output layer.</summary>
/// <param name="SourceVocabulary">Number of source token ids.</param>
/// <param name="TargetVocabulary">Number of target token ids.</param>
/// <param name="MaxLength">Most tokens per sequence, either side.</param>
/// <param name="Encoder">The encoder stack.</param>
/// <param name="Decoder">The decoder stack.</param>
/// <param name="Embedding">Embedding size per token, both sides.</param>
/// <param name="Width">Model width: the features every encoder and decoder layer carries per position.</param>
/// <param name="Heads">Attention heads (Transformer layers; recurrent stacks attend with one).</param>
/// <param name="FeedForward">Hidden units of a Transformer layer's feed-forward block.</param>
/// <param name="Norm">Where Transformer layers normalize: <c>pre</c> or <c>post</c>.</param>
/// <param name="TiedEmbeddings">True when the decoder's output layer shares the target embedding's weights.</param>
/// <param name="Dropout">Dropout probability inside the layers.</param>
public sealed record Seq2SeqNetwork(
    int SourceVocabulary,
    int TargetVocabulary,
    int MaxLength,
    Seq2SeqStack Encoder,
    Seq2SeqStack Decoder,
    int Embedding,
    int Width,
    int Heads,
    int FeedForward,
    string Norm,
    bool TiedEmbeddings,
    double Dropout);

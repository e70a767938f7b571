using NasFunctions.Evaluator.Models.Transformer;
using NasFunctions.SearchSpace.Seq2Seq;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>A sequence-to-sequence network of the seq2seq space: token embeddings, an encoder, a decoder attending to it, and an output layer over the target vocabulary.</summary>
/// <remarks>
/// Embeddings (id 0, <c>&lt;pad&gt;</c>, embeds to zeros) are projected to the model width when their size differs, and pass
/// through dropout. The decoder's features go to the vocabulary through a linear layer, or, with tied embeddings, through
/// the target embedding's own weights (after a projection back to the embedding size when it differs from the width).
/// </remarks>
public sealed class Seq2SeqModel : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "source_embedding")]
    private readonly Embedding _sourceEmbedding;

    [ComponentName(Name = "target_embedding")]
    private readonly Embedding _targetEmbedding;

    [ComponentName(Name = "source_in")]
    private readonly nn.Module<Tensor, Tensor>? _sourceIn;

    [ComponentName(Name = "target_in")]
    private readonly nn.Module<Tensor, Tensor>? _targetIn;

    [ComponentName(Name = "encoder")]
    private readonly nn.Module _encoder;

    [ComponentName(Name = "decoder")]
    private readonly nn.Module _decoder;

    [ComponentName(Name = "target_out")]
    private readonly nn.Module<Tensor, Tensor>? _targetOut;

    [ComponentName(Name = "output")]
    private readonly nn.Module<Tensor, Tensor>? _output;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    /// <summary>Builds the network (fresh weights from torch's current generator); the vocabularies are the network's.</summary>
    public Seq2SeqModel(Seq2SeqNetwork network) : base("Seq2Seq")
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.SourceVocabulary, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.TargetVocabulary, 5);
        Network = network;
        var (e, w) = ((long)network.Embedding, (long)network.Width);
        _sourceEmbedding = nn.Embedding(network.SourceVocabulary, e, padding_idx: 0);
        _targetEmbedding = nn.Embedding(network.TargetVocabulary, e, padding_idx: 0);
        _sourceIn = e == w ? null : nn.Linear(e, w);
        _targetIn = e == w ? null : nn.Linear(e, w);
        var norm = network.Norm == "post" ? NormPlacement.Post : NormPlacement.Pre;
        _encoder = network.Encoder.IsTransformer
            ? new TransformerEncoderStack(network.Encoder.Layers, w, network.Heads, network.FeedForward, norm, network.Dropout)
            : new RecurrentEncoder(network.Encoder.Kind == "lstm", network.Encoder.Layers, w, network.Dropout);
        _decoder = network.Decoder.IsTransformer
            ? new TransformerDecoderStack(network.Decoder.Layers, w, network.Heads, network.FeedForward, norm, network.Dropout)
            : new RecurrentAttentionDecoder(network.Decoder.Kind == "lstm", network.Decoder.Layers, w, network.Dropout);
        _targetOut = network.TiedEmbeddings && e != w ? nn.Linear(w, e) : null;
        _output = network.TiedEmbeddings ? null : nn.Linear(w, network.TargetVocabulary);
        _dropout = new SeededDropout(network.Dropout);
        RegisterComponents();
    }

    /// <summary>The network this model was built from.</summary>
    public Seq2SeqNetwork Network { get; }

    /// <summary>Teacher-forced logits [batch, targetLength, targetVocabulary] for source ids [batch, sourceLength] and decoder inputs [batch, targetLength].</summary>
    public override Tensor forward(Tensor source, Tensor targetIn)
    {
        var (memory, padding) = Encode(source);
        return Decode(memory, padding, targetIn);
    }

    /// <summary>The memory [batch, sourceLength, width] of source ids [batch, sourceLength], and their padding mask [batch, sourceLength].</summary>
    public (Tensor Memory, Tensor Padding) Encode(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var padding = AttentionMasks.Padding(source);
        var embedded = Embed(_sourceEmbedding, _sourceIn, source);
        return (((ISequenceEncoder)_encoder).Encode(embedded, padding), padding);
    }

    /// <summary>Logits [batch, targetLength, targetVocabulary] of every next token given decoder inputs [batch, targetLength] (begin mark first) and an encoded source.</summary>
    public Tensor Decode(Tensor memory, Tensor sourcePadding, Tensor targetIn)
    {
        ArgumentNullException.ThrowIfNull(targetIn);
        return Output(((ISequenceDecoder)_decoder).Decode(
            Embed(_targetEmbedding, _targetIn, targetIn), memory, AttentionMasks.Padding(targetIn), sourcePadding));
    }

    /// <summary>The state step-by-step decoding of an encoded source starts from (<see cref="Step"/>).</summary>
    public DecoderState BeginDecoding(Tensor memory, Tensor sourcePadding)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(sourcePadding);
        return ((ISequenceDecoder)_decoder).Begin(memory, sourcePadding);
    }

    /// <summary>
    /// Logits [batch, targetVocabulary] of the token after <paramref name="tokens"/> [batch], the prefix's last (the begin mark
    /// first): what <see cref="Decode"/> gives at that position for the whole prefix, computed from the carried state alone.
    /// The next state is left pending in <paramref name="state"/> (<see cref="DecoderState.Commit"/>).
    /// </summary>
    public Tensor Step(DecoderState state, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tokens);
        return Output(((ISequenceDecoder)_decoder).Step(Embed(_targetEmbedding, _targetIn, tokens.unsqueeze(1)), state)).squeeze(1);
    }

    private Tensor Output(Tensor features)
    {
        if (_output is not null)
        {
            return _output.forward(features);
        }

        var back = _targetOut is null ? features : _targetOut.forward(features);
        return nn.functional.linear(back, _targetEmbedding.weight!);
    }

    private Tensor Embed(Embedding embedding, nn.Module<Tensor, Tensor>? project, Tensor ids)
    {
        var embedded = embedding.forward(ids);
        return _dropout.forward(project is null ? embedded : project.forward(embedded));
    }
}

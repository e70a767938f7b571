using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>One Transformer encoder layer: self-attention over the source (padded keys masked), then a feed-forward sub-layer.</summary>
/// <remarks>Each sub-layer's output passes through dropout into a residual sum; layer norm goes before the sub-layer or after the sum (<see cref="NormPlacement"/>).</remarks>
public sealed class TransformerEncoderBlock : nn.Module
{
    [ComponentName(Name = "attention")]
    private readonly MultiHeadAttention _attention;

    [ComponentName(Name = "attention_norm")]
    private readonly nn.Module<Tensor, Tensor> _attentionNorm;

    [ComponentName(Name = "feed_forward")]
    private readonly PositionwiseFeedForward _feedForward;

    [ComponentName(Name = "feed_forward_norm")]
    private readonly nn.Module<Tensor, Tensor> _feedForwardNorm;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    /// <summary>An encoder layer of <paramref name="width"/> features, <paramref name="heads"/> heads and <paramref name="hidden"/> feed-forward units.</summary>
    public TransformerEncoderBlock(long width, long heads, long hidden, NormPlacement norm, double dropout = 0) : base("TransformerEncoderBlock")
    {
        Norm = norm;
        _attention = new MultiHeadAttention(width, heads, dropout);
        _attentionNorm = nn.LayerNorm(width);
        _feedForward = new PositionwiseFeedForward(width, hidden, dropout);
        _feedForwardNorm = nn.LayerNorm(width);
        _dropout = new SeededDropout(dropout);
        RegisterComponents();
    }

    /// <summary>Where this layer normalizes.</summary>
    public NormPlacement Norm { get; }

    /// <summary>The encoded source [batch, length, width]; <paramref name="padding"/> [batch, length] is true at padded positions.</summary>
    public Tensor forward(Tensor source, Tensor? padding)
    {
        ArgumentNullException.ThrowIfNull(source);
        var attended = Residual.Apply(source, _attentionNorm, Norm, _dropout, x => _attention.forward(x, x, padding));
        return Residual.Apply(attended, _feedForwardNorm, Norm, _dropout, _feedForward.forward);
    }
}

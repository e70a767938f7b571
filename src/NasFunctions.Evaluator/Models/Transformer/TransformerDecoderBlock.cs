using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>One Transformer decoder layer: causal self-attention, attention to the encoded source, then a feed-forward sub-layer.</summary>
/// <remarks>Each sub-layer's output passes through dropout into a residual sum; layer norm goes before the sub-layer or after the sum (<see cref="NormPlacement"/>).</remarks>
public sealed class TransformerDecoderBlock : nn.Module
{
    [ComponentName(Name = "self_attention")]
    private readonly MultiHeadAttention _selfAttention;

    [ComponentName(Name = "self_attention_norm")]
    private readonly nn.Module<Tensor, Tensor> _selfAttentionNorm;

    [ComponentName(Name = "cross_attention")]
    private readonly MultiHeadAttention _crossAttention;

    [ComponentName(Name = "cross_attention_norm")]
    private readonly nn.Module<Tensor, Tensor> _crossAttentionNorm;

    [ComponentName(Name = "feed_forward")]
    private readonly PositionwiseFeedForward _feedForward;

    [ComponentName(Name = "feed_forward_norm")]
    private readonly nn.Module<Tensor, Tensor> _feedForwardNorm;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    /// <summary>A decoder layer of <paramref name="width"/> features, <paramref name="heads"/> heads and <paramref name="hidden"/> feed-forward units.</summary>
    public TransformerDecoderBlock(long width, long heads, long hidden, NormPlacement norm, double dropout = 0) : base("TransformerDecoderBlock")
    {
        Norm = norm;
        _selfAttention = new MultiHeadAttention(width, heads, dropout);
        _selfAttentionNorm = nn.LayerNorm(width);
        _crossAttention = new MultiHeadAttention(width, heads, dropout);
        _crossAttentionNorm = nn.LayerNorm(width);
        _feedForward = new PositionwiseFeedForward(width, hidden, dropout);
        _feedForwardNorm = nn.LayerNorm(width);
        _dropout = new SeededDropout(dropout);
        RegisterComponents();
    }

    /// <summary>Where this layer normalizes.</summary>
    public NormPlacement Norm { get; }

    /// <summary>
    /// The decoded target [batch, targetLength, width] from the target so far and the encoded source ([batch, sourceLength,
    /// width]); each position sees only itself and earlier ones, never a padded target or source position.
    /// </summary>
    public Tensor forward(Tensor target, Tensor memory, Tensor? targetPadding, Tensor? sourcePadding)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(memory);
        return Layer(target, y => _selfAttention.forward(y, y, targetPadding, causal: true), y => _crossAttention.forward(y, memory, sourcePadding));
    }

    /// <summary>The cross-attention's keys and values of the memory [batch, sourceLength, width], [batch, heads, sourceLength, width / heads] each: made once per source for <see cref="Step"/>.</summary>
    public (Tensor Keys, Tensor Values) ProjectMemory(Tensor memory) => (_crossAttention.ProjectKeys(memory), _crossAttention.ProjectValues(memory));

    /// <summary>
    /// The next position [batch, 1, width] decoded given the prefix's self-attention keys and values ([batch, heads, positions,
    /// width / heads], no padding) and the memory's projections (<see cref="ProjectMemory"/>); what <see cref="forward"/> gives
    /// at that position, and the keys and values with this position's appended.
    /// </summary>
    public (Tensor Output, Tensor Keys, Tensor Values) Step(
        Tensor target, Tensor keys, Tensor values, Tensor memoryKeys, Tensor memoryValues, Tensor? sourcePadding)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (k, v) = (keys, values);
        var output = Layer(
            target,
            y =>
            {
                k = cat([keys, _selfAttention.ProjectKeys(y)], 2);
                v = cat([values, _selfAttention.ProjectValues(y)], 2);
                return _selfAttention.Attend(y, k, v);
            },
            y => _crossAttention.Attend(y, memoryKeys, memoryValues, sourcePadding));
        return (output, k, v);
    }

    private Tensor Layer(Tensor target, Func<Tensor, Tensor> selfAttention, Func<Tensor, Tensor> crossAttention)
    {
        var seen = Residual.Apply(target, _selfAttentionNorm, Norm, _dropout, selfAttention);
        var informed = Residual.Apply(seen, _crossAttentionNorm, Norm, _dropout, crossAttention);
        return Residual.Apply(informed, _feedForwardNorm, Norm, _dropout, _feedForward.forward);
    }
}

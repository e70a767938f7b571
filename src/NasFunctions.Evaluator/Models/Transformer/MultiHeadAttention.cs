using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>Multi-head scaled dot-product attention (Vaswani et al., 2017) with padding and causal masks.</summary>
/// <remarks>
/// Queries, keys and values are projected (<c>query</c>, <c>key</c>, <c>value</c>: width -> width), split into heads of
/// width / heads features, and each head computes softmax(Q Kᵀ / √(width / heads) + mask) V, the mask adding -1e9 where a
/// query must not look (so a row with every key masked attends evenly instead of giving NaN). Attention weights pass
/// through dropout; the heads are joined and projected (<c>output</c>).
/// </remarks>
public sealed class MultiHeadAttention : nn.Module
{
    [ComponentName(Name = "query")]
    private readonly nn.Module<Tensor, Tensor> _query;

    [ComponentName(Name = "key")]
    private readonly nn.Module<Tensor, Tensor> _key;

    [ComponentName(Name = "value")]
    private readonly nn.Module<Tensor, Tensor> _value;

    [ComponentName(Name = "output")]
    private readonly nn.Module<Tensor, Tensor> _output;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    private readonly Scalar _scale;

    /// <summary>Attention over <paramref name="width"/> features split into <paramref name="heads"/> heads, weights dropped with <paramref name="dropout"/>.</summary>
    public MultiHeadAttention(long width, long heads, double dropout = 0) : base("MultiHeadAttention")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        if (width % heads != 0)
        {
            throw new ArgumentException($"{heads} heads do not divide width {width}.", nameof(heads));
        }

        (Width, Heads) = (width, heads);
        _query = nn.Linear(width, width);
        _key = nn.Linear(width, width);
        _value = nn.Linear(width, width);
        _output = nn.Linear(width, width);
        _dropout = new SeededDropout(dropout);
        _scale = (1 / Math.Sqrt(width / heads)).ToScalar();
        RegisterComponents();
    }

    /// <summary>Features per position.</summary>
    public long Width { get; }

    /// <summary>Attention heads.</summary>
    public long Heads { get; }

    /// <summary>
    /// Attends from <paramref name="query"/> [batch, queries, width] to <paramref name="keys"/> [batch, keys, width] (values are
    /// the keys' positions too), masking padded keys (<paramref name="keyPadding"/>, [batch, keys], true at padding) and, when
    /// <paramref name="causal"/>, later positions; [batch, queries, width].
    /// </summary>
    public Tensor forward(Tensor query, Tensor keys, Tensor? keyPadding = null, bool causal = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        var (batch, queries, length) = (query.shape[0], query.shape[1], keys.shape[1]);
        Tensor Split(nn.Module<Tensor, Tensor> project, Tensor x, long positions) =>
            project.forward(x).view(batch, positions, Heads, Width / Heads).transpose(1, 2);
        var (q, k, v) = (Split(_query, query, queries), Split(_key, keys, length), Split(_value, keys, length));
        var scores = q.matmul(k.transpose(2, 3)).mul(_scale);
        if (AttentionMasks.Combine(keyPadding, causal, queries, length, query.device) is { } mask)
        {
            scores = scores.masked_fill(mask, HeldScalars.VeryNegative);
        }

        var weights = _dropout.forward(scores.softmax(-1));
        var joined = weights.matmul(v).transpose(1, 2).reshape(batch, queries, Width);
        return _output.forward(joined);
    }
}

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
        return Attend(query, ProjectKeys(keys), ProjectValues(keys), keyPadding, causal);
    }

    /// <summary>The keys [batch, keys, width] projected and split into heads, [batch, heads, keys, width / heads]: what <see cref="Attend"/> takes, computed once per memory when decoding step by step.</summary>
    public Tensor ProjectKeys(Tensor keys) => Split(_key, keys);

    /// <summary>The values (the keys' positions) projected and split into heads, [batch, heads, keys, width / heads].</summary>
    public Tensor ProjectValues(Tensor keys) => Split(_value, keys);

    /// <summary>
    /// Attends from <paramref name="query"/> [batch, queries, width] to keys and values already projected and split into heads
    /// (<see cref="ProjectKeys"/>, <see cref="ProjectValues"/>), masking as <see cref="forward"/> does; [batch, queries, width].
    /// </summary>
    public Tensor Attend(Tensor query, Tensor keys, Tensor values, Tensor? keyPadding = null, bool causal = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        var (batch, queries, length) = (query.shape[0], query.shape[1], keys.shape[2]);
        var q = Split(_query, query);
        var scores = q.matmul(keys.transpose(2, 3)).mul(_scale);
        if (AttentionMasks.Combine(keyPadding, causal, queries, length, query.device) is { } mask)
        {
            scores = scores.masked_fill(mask, HeldScalars.VeryNegative);
        }

        var weights = _dropout.forward(scores.softmax(-1));
        var joined = weights.matmul(values).transpose(1, 2).reshape(batch, queries, Width);
        return _output.forward(joined);
    }

    private Tensor Split(nn.Module<Tensor, Tensor> project, Tensor x) =>
        project.forward(x).view(x.shape[0], x.shape[1], Heads, Width / Heads).transpose(1, 2);
}

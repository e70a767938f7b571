using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>
/// A text encoder's attention layer: an optional linear projection to the width, then scaled dot-product self-attention (4 heads
/// when the width is a multiple of 4 and at least 32, else one) with an output projection, a residual sum and layer norm.
/// </summary>
internal sealed class SelfAttention : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "project")]
    private readonly nn.Module<Tensor, Tensor>? _project;

    [ComponentName(Name = "qkv")]
    private readonly nn.Module<Tensor, Tensor> _qkv;

    [ComponentName(Name = "out")]
    private readonly nn.Module<Tensor, Tensor> _out;

    [ComponentName(Name = "norm")]
    private readonly nn.Module<Tensor, Tensor> _norm;

    private readonly long _width;

    public SelfAttention(long inputs, long width) : base("SelfAttention")
    {
        _width = width;
        Heads = width >= 32 && width % 4 == 0 ? 4 : 1;
        _project = inputs == width ? null : nn.Linear(inputs, width);
        _qkv = nn.Linear(width, 3 * width);
        _out = nn.Linear(width, width);
        _norm = nn.LayerNorm(width);
        RegisterComponents();
    }

    /// <summary>Attention heads.</summary>
    public long Heads { get; }

    public override Tensor forward(Tensor input)
    {
        var x = _project is null ? input : _project.forward(input);
        var (batch, length) = (x.shape[0], x.shape[1]);
        var qkv = _qkv.forward(x).view(batch, length, 3, Heads, _width / Heads).permute(2, 0, 3, 1, 4);
        var attended = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2]);
        var merged = attended.transpose(1, 2).reshape(batch, length, _width);
        return _norm.forward(x.add(_out.forward(merged), HeldScalars.One));
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var length = inputShape[0];
        var projected = _project is null ? new FlopCount(0, inputShape) : FlopCounter.Walk(_project, inputShape);
        var shape = projected.OutputShape;
        var qkv = FlopCounter.Walk(_qkv, shape);
        var scores = length * length;
        var attention = (4 * scores * _width) + (4 * scores * Heads); // QK^T and weights x V; scaling and softmax per score
        var output = FlopCounter.Walk(_out, shape);
        var elements = FlopCounter.Elements(shape);
        var norm = FlopCounter.Walk(_norm, shape);
        return new FlopCount(projected.Flops + qkv.Flops + attention + output.Flops + elements + norm.Flops, shape);
    }
}

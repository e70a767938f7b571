using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>A Transformer block's feed-forward sub-layer: linear width -> hidden, ReLU, dropout, linear hidden -> width, per position.</summary>
public sealed class PositionwiseFeedForward : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "expand")]
    private readonly nn.Module<Tensor, Tensor> _expand;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    [ComponentName(Name = "contract")]
    private readonly nn.Module<Tensor, Tensor> _contract;

    /// <summary>A feed-forward sub-layer of <paramref name="width"/> features through <paramref name="hidden"/> hidden units.</summary>
    public PositionwiseFeedForward(long width, long hidden, double dropout = 0) : base("PositionwiseFeedForward")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        _expand = nn.Linear(width, hidden);
        _dropout = new SeededDropout(dropout);
        _contract = nn.Linear(hidden, width);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        return _contract.forward(_dropout.forward(nn.functional.relu(_expand.forward(input))));
    }
}

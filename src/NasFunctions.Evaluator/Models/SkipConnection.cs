using NasFunctions.Evaluator.Measures;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>NAS-Bench-201's identity operation (<c>skip_connect</c>): a fresh handle to its input, no work.</summary>
internal sealed class SkipConnection : nn.Module<Tensor, Tensor>, IFlopCounted
{
    public SkipConnection() : base("SkipConnection")
    {
    }

    public override Tensor forward(Tensor input) => input.alias();

    public FlopCount CountFlops(long[] inputShape) => new(0, inputShape);
}

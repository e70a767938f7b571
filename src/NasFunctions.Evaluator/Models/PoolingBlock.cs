using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A pooling block of a macro CNN: 3x3 max or average pooling with stride 2 and padding 1.</summary>
internal sealed class PoolingBlock : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "pool")]
    private readonly nn.Module<Tensor, Tensor> _pool;

    public PoolingBlock(bool max) : base(max ? "MaxPool" : "AvgPool")
    {
        _pool = max ? nn.MaxPool2d(3, stride: 2, padding: 1) : nn.AvgPool2d(3, stride: 2, padding: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _pool.forward(input);

    public FlopCount CountFlops(long[] inputShape) => FlopCounter.Pooling(3, 2, 1, ceilMode: false, inputShape);
}

using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>NAS-Bench-201's pooling operation: 3x3 average pooling, stride 1, padding 1, padding left out of the average.</summary>
internal sealed class AveragePool3x3 : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "pool")]
    private readonly nn.Module<Tensor, Tensor> _pool;

    public AveragePool3x3() : base("AveragePool3x3")
    {
        _pool = nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _pool.forward(input);

    public FlopCount CountFlops(long[] inputShape) => FlopCounter.Pooling(3, 1, 1, ceilMode: false, inputShape);
}

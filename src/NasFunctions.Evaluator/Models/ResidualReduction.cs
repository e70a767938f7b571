using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>NAS-Bench-201's reduction block between stages: a ResNet basic block of stride 2 whose shortcut pools and projects.</summary>
internal sealed class ResidualReduction : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "conv_a")]
    private readonly ReluConvBn _convA;

    [ComponentName(Name = "conv_b")]
    private readonly ReluConvBn _convB;

    [ComponentName(Name = "pool")]
    private readonly nn.Module<Tensor, Tensor> _pool;

    [ComponentName(Name = "project")]
    private readonly nn.Module<Tensor, Tensor> _project;

    public ResidualReduction(long inputChannels, long outputChannels) : base("ResidualReduction")
    {
        _convA = new ReluConvBn(inputChannels, outputChannels, 3, 2, 1);
        _convB = new ReluConvBn(outputChannels, outputChannels, 3, 1, 1);

        // ceil_mode keeps the shortcut's size ceil(n / 2), the same as the stride-2 main path's for odd sizes too.
        _pool = nn.AvgPool2d(2, stride: 2, ceil_mode: true);
        _project = nn.Conv2d(inputChannels, outputChannels, 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var a = _convA.forward(input);
        var b = _convB.forward(a);
        var pooled = _pool.forward(input);
        var shortcut = _project.forward(pooled);
        return b.add(shortcut, HeldScalars.One);
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var main = FlopCounter.Chain([_convA, _convB], inputShape);
        var pooled = FlopCounter.Pooling(2, 2, 0, ceilMode: true, inputShape);
        var shortcut = FlopCounter.Walk(_project, pooled.OutputShape);
        var add = FlopCounter.Elements(main.OutputShape);
        return new FlopCount(main.Flops + pooled.Flops + shortcut.Flops + add, main.OutputShape);
    }
}

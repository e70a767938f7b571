using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>NAS-Bench-201's convolution operation: ReLU, a convolution without bias, batch norm.</summary>
internal sealed class ReluConvBn : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "conv")]
    private readonly nn.Module<Tensor, Tensor> _conv;

    [ComponentName(Name = "norm")]
    private readonly nn.Module<Tensor, Tensor> _norm;

    public ReluConvBn(long inputChannels, long outputChannels, long kernel, long stride, long padding) : base("ReluConvBn")
    {
        _conv = nn.Conv2d(inputChannels, outputChannels, kernel, stride: stride, padding: padding, bias: false);
        _norm = new BatchNormalization(outputChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var activated = nn.functional.relu(input);
        var convolved = _conv.forward(activated);
        return _norm.forward(convolved);
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var relu = FlopCounter.Elements(inputShape);
        var rest = FlopCounter.Chain([_conv, _norm], inputShape);
        return rest with { Flops = relu + rest.Flops };
    }
}

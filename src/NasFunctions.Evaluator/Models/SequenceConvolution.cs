using NasFunctions.Evaluator.Measures;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A text encoder's convolution layer: a 1-D convolution over the positions (same length, odd kernel), then ReLU; (N, L, in) to (N, L, out).</summary>
internal sealed class SequenceConvolution : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "conv")]
    private readonly nn.Module<Tensor, Tensor> _conv;

    public SequenceConvolution(long inputs, long outputs, long kernel) : base("SequenceConvolution")
    {
        _conv = nn.Conv1d(inputs, outputs, kernel, padding: kernel / 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var convolved = _conv.forward(input.transpose(1, 2));
        return convolved.relu().transpose(1, 2);
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var conv = FlopCounter.Walk(_conv, [inputShape[1], inputShape[0]]);
        long[] output = [conv.OutputShape[1], conv.OutputShape[0]];
        return new FlopCount(conv.Flops + FlopCounter.Elements(output), output);
    }
}

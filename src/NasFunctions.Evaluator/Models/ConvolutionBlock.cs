using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.MacroCnn;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A convolution block of a macro CNN: stride-2 convolution, optional batch norm, ReLU, optional shortcut.</summary>
internal sealed class ConvolutionBlock : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "conv")]
    private readonly nn.Module<Tensor, Tensor> _conv;

    [ComponentName(Name = "norm")]
    private readonly nn.Module<Tensor, Tensor>? _norm;

    [ComponentName(Name = "shortcut")]
    private readonly nn.Module<Tensor, Tensor>? _shortcut;

    private readonly bool _projects;

    public ConvolutionBlock(MacroBlock block, long inputChannels) : base(block.Operation.ToString())
    {
        var channels = block.Channels;
        var bias = !block.BatchNorm;
        _conv = block.Operation switch
        {
            MacroOperation.Conv3x3 => nn.Conv2d(inputChannels, channels, 3, stride: 2, padding: 1, bias: bias),
            MacroOperation.Conv5x5 => nn.Conv2d(inputChannels, channels, 5, stride: 2, padding: 2, bias: bias),
            MacroOperation.SepConv3x3 => nn.Sequential(
                ("depthwise", nn.Conv2d(inputChannels, inputChannels, 3, stride: 2, padding: 1, groups: inputChannels, bias: false)),
                ("pointwise", nn.Conv2d(inputChannels, channels, 1, bias: bias))),
            _ => throw new ArgumentException($"{block.Operation} is not a convolution.", nameof(block)),
        };
        _norm = block.BatchNorm ? new BatchNormalization(channels) : null;

        // ceil_mode makes the shortcut's size ceil(n / 2), the same as the stride-2 main path's (7 -> 4).
        _projects = block.Skip && inputChannels != channels;
        _shortcut = !block.Skip ? null
            : inputChannels == channels ? nn.AvgPool2d(2, stride: 2, ceil_mode: true)
            : nn.Sequential(
                ("pool", nn.AvgPool2d(2, stride: 2, ceil_mode: true)),
                ("project", nn.Conv2d(inputChannels, channels, 1, bias: false)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = _conv.forward(input);
        if (_norm is not null)
        {
            x = _norm.forward(x);
        }

        x = nn.functional.relu(x);
        return _shortcut is null ? x : x.add(_shortcut.forward(input), HeldScalars.One);
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var main = _norm is null ? FlopCounter.Walk(_conv, inputShape) : FlopCounter.Chain([_conv, _norm], inputShape);
        var elements = FlopCounter.Elements(main.OutputShape);
        var flops = main.Flops + elements; // ReLU
        if (_shortcut is not null)
        {
            var pooled = FlopCounter.Pooling(2, 2, 0, ceilMode: true, inputShape);
            var project = _projects ? FlopCounter.Walk(((TorchSharp.Modules.Sequential)_shortcut).children().Last(), pooled.OutputShape).Flops : 0;
            flops += pooled.Flops + project + elements; // pooling, projection, the sum
        }

        return new FlopCount(flops, main.OutputShape);
    }
}

using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.MacroCnn;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A <see cref="MacroCnnNetwork"/> built as a TorchSharp module: its blocks, average pooling to a grid of at most 4x4, a linear head.</summary>
public sealed class MacroCnnModel : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "blocks")]
    private readonly nn.Module<Tensor, Tensor> _blocks;

    [ComponentName(Name = "pool")]
    private readonly nn.Module<Tensor, Tensor> _pool;

    [ComponentName(Name = "head")]
    private readonly nn.Module<Tensor, Tensor> _head;

    /// <summary>Builds the layers of a network (fresh weights from the current torch seed).</summary>
    public MacroCnnModel(MacroCnnNetwork network) : base("MacroCnn")
    {
        ArgumentNullException.ThrowIfNull(network);
        var errors = Check(network);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The network cannot be built: " + string.Join(" ", errors), nameof(network));
        }

        Network = network;
        long channels = network.InputChannels;
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (var (block, index) in network.Blocks.Select((b, i) => (b, i)))
        {
            blocks.Add((index.ToString(System.Globalization.CultureInfo.InvariantCulture), Build(block, channels)));
            channels = block.IsConvolution ? block.Channels : channels;
        }

        _blocks = nn.Sequential(blocks);
        HeadGrid = Math.Min(MaxHeadGrid, FinalSize(network));
        _pool = nn.AdaptiveAvgPool2d(HeadGrid);
        _head = nn.Linear(channels * HeadGrid * HeadGrid, network.Classes);
        RegisterComponents();
    }

    /// <summary>The network this model was built from.</summary>
    public MacroCnnNetwork Network { get; }

    /// <summary>Side of the grid the head pools the last feature map to (at most 4, so the head keeps coarse spatial layout).</summary>
    public long HeadGrid { get; }

    /// <summary>Number of trainable values (weights and biases; batch-norm running statistics excluded).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Class scores (N, Classes) for a batch of images (N, InputChannels, InputHeight, InputWidth).</summary>
    public override Tensor forward(Tensor input)
    {
        var features = _blocks.forward(input);
        var pooled = _pool.forward(features);
        return _head.forward(pooled.flatten(1));
    }

    /// <inheritdoc />
    /// <remarks>The head's adaptive average pooling counts 1 per element it reads.</remarks>
    public FlopCount CountFlops(long[] inputShape)
    {
        var features = FlopCounter.Walk(_blocks, inputShape);
        var pooled = features.OutputShape[0] * HeadGrid * HeadGrid;
        var head = FlopCounter.Walk(_head, [pooled]);
        return new FlopCount(features.Flops + FlopCounter.Elements(features.OutputShape) + head.Flops, head.OutputShape);
    }

    /// <summary>The largest pooled grid the head keeps: global average pooling alone throws away where features are.</summary>
    public const int MaxHeadGrid = 4;

    /// <summary>The side of the last feature map: every block halves the resolution, rounding up.</summary>
    public static long FinalSize(MacroCnnNetwork network) =>
        network.Blocks.Aggregate((long)Math.Min(network.InputHeight, network.InputWidth), (size, _) => (size + 1) / 2);

    /// <summary>Every reason the network cannot be built; empty when it can.</summary>
    public static IReadOnlyList<string> Check(MacroCnnNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var errors = new List<string>();
        if (network.InputChannels <= 0 || network.InputHeight <= 0 || network.InputWidth <= 0)
        {
            errors.Add($"Input shape ({network.InputChannels}, {network.InputHeight}, {network.InputWidth}) must be positive.");
        }

        if (network.Classes < 2)
        {
            errors.Add($"Classes must be at least 2 (was {network.Classes}).");
        }

        if (network.Blocks is null)
        {
            errors.Add("Blocks must not be null.");
            return errors;
        }

        for (var i = 0; i < network.Blocks.Count; i++)
        {
            var block = network.Blocks[i];
            if (block is null)
            {
                errors.Add($"Block {i} is null.");
            }
            else if (!Enum.IsDefined(block.Operation))
            {
                errors.Add($"Block {i}: unknown operation {(int)block.Operation}.");
            }
            else if (block.IsConvolution && block.Channels <= 0)
            {
                errors.Add($"Block {i}: a {block.Operation} block needs a positive channel count (was {block.Channels}).");
            }
        }

        return errors;
    }

    private static nn.Module<Tensor, Tensor> Build(MacroBlock block, long inputChannels) => block.Operation switch
    {
        MacroOperation.MaxPool => new PoolingBlock(max: true),
        MacroOperation.AvgPool => new PoolingBlock(max: false),
        _ => new ConvolutionBlock(block, inputChannels),
    };
}

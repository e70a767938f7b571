using System.Globalization;
using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.NasBench201;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A NAS-Bench-201 cell in the benchmark's skeleton: stem, three stages of cells with residual reductions, BN-ReLU, global pooling, linear.</summary>
/// <remarks>
/// Stem: 3x3 convolution to C channels and batch norm. Stages of <c>cellsPerStage</c> cells at C, 2C and 4C channels, with a
/// stride-2 ResNet basic block between them. Then batch norm, ReLU, global average pooling and a linear head.
/// </remarks>
public sealed class NasBench201Model : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "stem")]
    private readonly nn.Module<Tensor, Tensor> _stem;

    [ComponentName(Name = "cells")]
    private readonly nn.Module<Tensor, Tensor> _cells;

    [ComponentName(Name = "lastact")]
    private readonly nn.Module<Tensor, Tensor> _lastNorm;

    [ComponentName(Name = "classifier")]
    private readonly nn.Module<Tensor, Tensor> _classifier;

    /// <summary>Builds the network (fresh weights from the current torch seed).</summary>
    /// <param name="cell">The cell every position repeats.</param>
    /// <param name="inputChannels">Channels of the input images (the stem takes them).</param>
    /// <param name="classes">Classes the head scores, at least 2.</param>
    /// <param name="channels">Channels of the first stage, C (default 16).</param>
    /// <param name="cellsPerStage">Cells in each stage, N (default 5).</param>
    public NasBench201Model(NasBench201Cell cell, int inputChannels, int classes, int channels = 16, int cellsPerStage = 5) : base("NasBench201")
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerStage, 1);
        Cell = cell;
        _stem = nn.Sequential(
            ("conv", nn.Conv2d(inputChannels, channels, 3, padding: 1, bias: false)),
            ("norm", new BatchNormalization(channels)));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = channels;
        for (var stage = 0; stage < 3; stage++)
        {
            if (stage > 0)
            {
                layers.Add((Name(layers.Count), new ResidualReduction(width, width * 2)));
                width *= 2;
            }

            for (var i = 0; i < cellsPerStage; i++)
            {
                layers.Add((Name(layers.Count), new NasBench201CellModule(cell, width)));
            }
        }

        _cells = nn.Sequential(layers);
        _lastNorm = new BatchNormalization(width);
        _classifier = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <summary>The cell this network repeats.</summary>
    public NasBench201Cell Cell { get; }

    /// <summary>Class scores (N, classes) for a batch of images (N, inputChannels, H, W).</summary>
    public override Tensor forward(Tensor input)
    {
        var features = _cells.forward(_stem.forward(input));
        var pooled = nn.functional.relu(_lastNorm.forward(features)).mean([2, 3]);
        return _classifier.forward(pooled);
    }

    /// <inheritdoc />
    public FlopCount CountFlops(long[] inputShape)
    {
        var features = FlopCounter.Chain([_stem, _cells, _lastNorm], inputShape);
        var elements = FlopCounter.Elements(features.OutputShape);
        var head = FlopCounter.Walk(_classifier, [features.OutputShape[0]]);
        return new FlopCount(features.Flops + elements + elements + head.Flops, head.OutputShape); // ReLU, then global pooling
    }

    private static string Name(int index) => index.ToString(CultureInfo.InvariantCulture);
}

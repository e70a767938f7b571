namespace NasFunctions.Benchmarks.MultiFidelity;

/// <summary>What the fidelity benchmark searches and how: the architectures, the rungs of successive halving, the training.</summary>
public sealed record FidelityBenchmarkOptions
{
    /// <summary>The default search space: small macro CNNs for Fashion-MNIST, a few seconds an epoch on a tenth of the data.</summary>
    public const string DefaultSpace = """
        { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 3, "operations": ["conv3x3", "conv5x5", "sepconv3x3", "maxpool"],
          "channels": [16, 32], "batchNorm": [true], "skip": [false, true] }
        """;

    /// <summary>The search space, as a spec's <c>space</c> object.</summary>
    public string Space { get; init; } = DefaultSpace;

    /// <summary>Architectures both runs consider, drawn by random search from <see cref="Seed"/>; default 9.</summary>
    public int Architectures { get; init; } = 9;

    /// <summary>Successive halving's rate: each rung keeps the best 1/eta; default 3.</summary>
    public int Eta { get; init; } = 3;

    /// <summary>Epochs of halving's lowest rung; default 1.</summary>
    public int MinEpochs { get; init; } = 1;

    /// <summary>Epochs of halving's top rung, and of every architecture in the full run; default 9.</summary>
    public int MaxEpochs { get; init; } = 9;

    /// <summary>Share of the training split every epoch passes over; default 0.1 (5,400 Fashion-MNIST images).</summary>
    public double DataFraction { get; init; } = 0.1;

    /// <summary>Samples per training batch; default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's learning rate; default 0.002.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Torch threads; 0 (default) means every core.</summary>
    public int Threads { get; init; }

    /// <summary>Seeds the architectures, the splits, the weights and the data order; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Architectures < 1)
        {
            errors.Add($"Architectures must be at least 1 (was {Architectures}).");
        }

        if (Eta < 2 || MinEpochs < 1 || (long)MinEpochs * Eta > MaxEpochs)
        {
            errors.Add($"Eta must be at least 2, MinEpochs at least 1 and MaxEpochs at least MinEpochs * Eta (were {Eta}, {MinEpochs}, {MaxEpochs}).");
        }

        if (!(DataFraction > 0 && DataFraction <= 1))
        {
            errors.Add($"DataFraction must be in (0, 1] (was {DataFraction}).");
        }

        return errors;
    }
}

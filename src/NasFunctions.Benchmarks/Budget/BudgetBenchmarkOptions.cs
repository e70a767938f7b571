using NasFunctions.Evaluator.Training.Augmentation;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>What the budget benchmark runs: a search and a reference CNN, each for the same wall-clock minutes with the recommended image recipe (the long trainings with light augmentation and label smoothing).</summary>
public sealed record BudgetBenchmarkOptions
{
    /// <summary>The search space: the demo spec's macro CNNs for Fashion-MNIST (2 to 4 blocks, 16 to 64 channels, batch norm, skips).</summary>
    public const string DefaultSpace = """
        { "kind": "macro-cnn", "minBlocks": 2, "maxBlocks": 4, "operations": ["conv3x3", "conv5x5", "sepconv3x3", "maxpool", "avgpool"],
          "channels": [16, 32, 64], "batchNorm": [true], "skip": [false, true] }
        """;

    /// <summary>The default strategy: successive halving (eta 3, 1 to 9 epochs, 9 architectures a bracket) over regularized evolution.</summary>
    public const string DefaultStrategy = "halving";

    /// <summary>The default strategy's options.</summary>
    public const string DefaultHalvingOptions = """{ "eta": 3, "minEpochs": 1, "maxEpochs": 9, "proposer": { "name": "evolution" } }""";

    /// <summary>Wall-clock minutes the search gets, and again the reference (one after the other); default 30.</summary>
    public double Minutes { get; init; } = 30;

    /// <summary>
    /// The share of the search's minutes spent retraining its best architecture from scratch, its schedule planned over the
    /// epochs that fit; 0 to 0.9, default 1/3 (search for 20 of 30 minutes, retrain for 10). 0 turns the retraining off.
    /// </summary>
    public double RetrainShare { get; init; } = DefaultRetrainShare;

    /// <summary>The default <see cref="RetrainShare"/>: a third, so the retraining trains the best network for about as many epochs as halving's top rung and more.</summary>
    public const double DefaultRetrainShare = 1.0 / 3;

    /// <summary>
    /// How far below the best validation accuracy (0 to 1) a trial may be and still be retrained for being faster per epoch
    /// (<see cref="RetrainChoice"/>); 0 to 0.2, default 0: the best trial's architecture is retrained.
    /// </summary>
    public double RetrainTolerance { get; init; }

    /// <summary>A strategy of the catalog by name, with its default options; null (default) means <see cref="DefaultStrategy"/> with <see cref="DefaultHalvingOptions"/>.</summary>
    public string? Strategy { get; init; }

    /// <summary>The search space, as a spec's <c>space</c> object.</summary>
    public string Space { get; init; } = DefaultSpace;

    /// <summary>The hand-designed reference CNN; default two conv-bn-pool stages, the recipe benchmark's network.</summary>
    public string ReferenceArchitecture { get; init; } = "conv3x3/32+bn|maxpool|conv3x3/64+bn|maxpool";

    /// <summary>Epochs of a trial for strategies without rungs (and their schedule's plan); default 9, halving's top rung.</summary>
    public int Epochs { get; init; } = 9;

    /// <summary>Architectures a round asks the strategy for; default 9, a halving bracket.</summary>
    public int CandidatesPerRound { get; init; } = 9;

    /// <summary>
    /// The augmentation strength of the long trainings, the retraining and the reference (<see cref="ImageAugmentation.Named"/>);
    /// default light (a crop of the image padded by 2 pixels, and a flip). Search trials train without: over their 1 to 9 epochs
    /// augmentation costs accuracy (6 epochs on 8,000 images: 86.50% test plain, 84.00% light, 78.25% standard), as in DARTS,
    /// whose final training alone adds cutout.
    /// </summary>
    public string FinalAugmentation { get; init; } = "light";

    /// <summary>The label smoothing of the long trainings (the retraining and the reference), 0 to 0.5; default 0.1. Search trials train without.</summary>
    public double FinalLabelSmoothing { get; init; } = 0.1;

    /// <summary>The data set's name, which says whether a flip keeps an image's class (<see cref="ImageAugmentation.FlipKeepsClass"/>); default fashion-mnist.</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Samples per batch; default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Torch threads; 0 (default) means every core.</summary>
    public int Threads { get; init; }

    /// <summary>Seeds the strategy, the weights and the data order; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(Minutes > 0 && Minutes <= 24 * 60))
        {
            errors.Add($"Minutes must be more than 0 and at most 1440 (was {Minutes}).");
        }

        if (RetrainProblem(RetrainShare) is { } retrain)
        {
            errors.Add(retrain);
        }

        if (RetrainChoice.Problem(RetrainTolerance) is { } tolerance)
        {
            errors.Add(tolerance);
        }

        if (Strategy is not null && !NasFunctions.Strategy.StrategyCatalog.Names.Contains(Strategy, StringComparer.Ordinal))
        {
            errors.Add($"Strategy '{Strategy}' is unknown; known strategies: {string.Join(", ", NasFunctions.Strategy.StrategyCatalog.Names)}.");
        }

        if (!ImageAugmentation.Strengths.Contains(FinalAugmentation, StringComparer.Ordinal))
        {
            errors.Add($"FinalAugmentation must be one of {string.Join(", ", ImageAugmentation.Strengths)} (was '{FinalAugmentation}').");
        }

        if (!(FinalLabelSmoothing is >= 0 and <= 0.5))
        {
            errors.Add($"FinalLabelSmoothing must be 0 to 0.5 (was {FinalLabelSmoothing}).");
        }

        if (Epochs < 1 || CandidatesPerRound < 1 || BatchSize < 2 || Threads < 0)
        {
            errors.Add($"Epochs and CandidatesPerRound must be positive, BatchSize 2 or more and Threads 0 or more (were {Epochs}, {CandidatesPerRound}, {BatchSize}, {Threads}).");
        }

        return errors;
    }

    /// <summary>The problem with a retrain share, or null when it is in [0, 0.9].</summary>
    internal static string? RetrainProblem(double share) =>
        share is >= 0 and <= 0.9 ? null : $"RetrainShare must be 0 to 0.9 (was {share}).";
}

namespace NasFunctions.Benchmarks.Recipe;

/// <summary>What the recipe benchmark trains: one CNN, a slice of an image set, a few epochs, the same seed for every recipe.</summary>
public sealed record RecipeBenchmarkOptions
{
    /// <summary>The macro CNN trained with every recipe; default a small CNN of the demo space's kind.</summary>
    public string Architecture { get; init; } = "conv3x3/32+bn|maxpool|conv3x3/64+bn|maxpool";

    /// <summary>Training images; default 10,000.</summary>
    public int TrainImages { get; init; } = 10_000;

    /// <summary>Validation images (from the training split) and test images each; default 2,000.</summary>
    public int EvaluationImages { get; init; } = 2_000;

    /// <summary>Epochs each recipe trains (its schedule's plan); default 5.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Samples per batch; default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Torch threads; 0 (default) means every core.</summary>
    public int Threads { get; init; }

    /// <summary>Seeds the split, the weights and the data order; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TrainImages < 2 || EvaluationImages < 1 || Epochs < 1 || BatchSize < 2 || Threads < 0)
        {
            errors.Add($"TrainImages, EvaluationImages, Epochs and BatchSize must be positive (2 or more for images and batch) and Threads 0 or more (were {TrainImages}, {EvaluationImages}, {Epochs}, {BatchSize}, {Threads}).");
        }

        return errors;
    }
}

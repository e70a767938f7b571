namespace NasFunctions.Benchmarks.Trainer;

/// <summary>What the trainer benchmark trains and times: the reference CNN, batch, steps, threads, device, matmul size.</summary>
public sealed record TrainerBenchmarkOptions
{
    /// <summary>The reference CNN: a macro-cnn architecture for 1x28x28 inputs and 10 classes (Fashion-MNIST shapes).</summary>
    public const string ReferenceArchitecture = "conv3x3/32+bn|conv3x3/64+bn|conv3x3/128+bn";

    /// <summary>The macro-cnn canonical string of the network to train.</summary>
    public string Architecture { get; init; } = ReferenceArchitecture;

    /// <summary>Samples per training step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Untimed training steps before the timed ones.</summary>
    public int WarmupSteps { get; init; } = 5;

    /// <summary>Timed training steps per round.</summary>
    public int Steps { get; init; } = 6;

    /// <summary>Rounds of timed training steps then timed matmuls; the round with the median ratio is reported.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Torch threads for training and matmul alike; 0 means every core.</summary>
    public int Threads { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>fp32 (default) or bf16 (bfloat16 computation, float32 master weights; the matmul reference in bfloat16 too).</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>Side of the square float32 matrices of the matmul reference.</summary>
    public int MatmulSize { get; init; } = 1024;

    /// <summary>Timed matmuls per round (after one untimed).</summary>
    public int MatmulRepeats { get; init; } = 4;

    /// <summary>Seeds the weights and the synthetic data.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The thread count to use: <see cref="Threads"/>, or the processor count when it is 0.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;
}

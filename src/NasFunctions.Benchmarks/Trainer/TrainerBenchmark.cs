using System.Diagnostics;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.SearchSpace.MacroCnn;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Benchmarks.Trainer;

/// <summary>Times the evaluator's training step on the reference CNN and compares its FLOP rate with a large matmul's.</summary>
/// <remarks>
/// The network is built by <see cref="ModelFactory"/> from a macro-cnn architecture and trained with the evaluator's own
/// step (<see cref="ClassificationTrainer"/>, Adam, cross-entropy) on synthetic Fashion-MNIST-shaped batches (1x28x28 bytes,
/// 10 classes) made by <see cref="ImageBatches"/>. FLOP convention: one training sample costs 3 x the forward FLOPs that
/// <see cref="FlopCounter"/> counts (forward, input gradients, weight gradients); the optimizer's element-wise work is not
/// counted. The matmul reference is <c>2 n^3</c> FLOPs per float32 product, same process, same threads, same device.
/// Training and matmul are timed in alternating rounds and the round with the median ratio is reported, so a burst of load
/// from other processes on a shared host hits both sides of a ratio alike instead of whichever block it happened to overlap.
/// </remarks>
public static class TrainerBenchmark
{
    private static readonly DataShape Shape = DataShape.Image(1, 28, 28, 10);

    /// <summary>Runs the benchmark once and returns its figures.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or the architecture is not a macro-cnn one.</exception>
    public static TrainerBenchmarkResult Run(TrainerBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Rounds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MatmulSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MatmulRepeats, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads);
        if (!TrainingOptions.Precisions.Contains(options.Precision))
        {
            throw new ArgumentException($"Precision must be one of {string.Join(", ", TrainingOptions.Precisions)}, not '{options.Precision}'.", nameof(options));
        }

        var bf16 = options.Precision == "bf16";

        using var threads = TrainingThreads.Enter(options.EffectiveThreads);
        var device = ComputeDevice.Resolve(options.Device);
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions { Channels = [32, 64, 128] });
        var architecture = space.Parse(options.Architecture);
        var batches = SyntheticBatches(options.BatchSize, options.Seed);
        var indices = Enumerable.Range(0, options.BatchSize).ToArray();

        using var random = new TrainingRandom(options.Seed, device);
        using var model = TrainingLoop.CreateModel(() => ModelFactory.Create(space, architecture, Shape), options.Seed, random, device);
        model.to(device);
        var trainingFlops = 3 * FlopCounter.Count(model, Shape.SampleShape);
        if (bf16)
        {
            model.to(ScalarType.BFloat16);
        }

        using var optimizer = new AdamOptimizer(model.parameters(), 1e-3, masterWeights: bf16);
        model.train();
        TrainSteps(model, optimizer, batches, indices, device, options.WarmupSteps);
        var dtype = bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        var rounds = new List<(double SamplesPerSecond, double MatmulGflops)>(options.Rounds);
        for (var round = 0; round < options.Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            TrainSteps(model, optimizer, batches, indices, device, options.Steps);
            stopwatch.Stop();
            var samplesPerSecond = (double)options.Steps * options.BatchSize / stopwatch.Elapsed.TotalSeconds;
            rounds.Add((samplesPerSecond, MatmulGflops(options.MatmulSize, options.MatmulRepeats, device, dtype)));
        }

        // The round with the median ratio: training and its matmul reference were timed back to back, under the same load.
        var median = rounds.OrderBy(r => r.SamplesPerSecond * trainingFlops / r.MatmulGflops).ElementAt(rounds.Count / 2);
        return new TrainerBenchmarkResult(
            median.SamplesPerSecond,
            trainingFlops,
            median.SamplesPerSecond * trainingFlops / 1e9,
            median.MatmulGflops,
            device.type == DeviceType.CUDA ? "cuda" : "cpu",
            options.EffectiveThreads);
    }

    /// <summary>GFLOP/s of repeated n x n matmuls (float32 unless told) on the device (one untimed first), finished before the clock stops.</summary>
    public static double MatmulGflops(int size, int repeats, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(device);
        using var scope = NewDisposeScope();
        var a = rand(size, size, dtype: dtype, device: device);
        var b = rand(size, size, dtype: dtype, device: device);
        a.matmul(b).sum().to(ScalarType.Float32).item<float>();
        var stopwatch = Stopwatch.StartNew();
        Tensor? product = null;
        for (var i = 0; i < repeats; i++)
        {
            product = a.matmul(b);
        }

        product!.sum().to(ScalarType.Float32).item<float>(); // waits for queued CUDA work
        stopwatch.Stop();
        return 2.0 * size * size * (double)size * repeats / stopwatch.Elapsed.TotalSeconds / 1e9;
    }

    private static void TrainSteps(
        nn.Module<Tensor, Tensor> model, AdamOptimizer optimizer, ImageBatches batches, int[] indices, Device device, int steps)
    {
        var last = 0f;
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var (inputs, labels) = batches.Create(indices, device);
            var loss = ClassificationTrainer.Step(model, optimizer, inputs, labels);
            if (step == steps - 1)
            {
                last = loss.item<float>(); // waits for queued CUDA work
            }
        }

        if (float.IsNaN(last))
        {
            throw new InvalidOperationException("The benchmark's training loss became NaN.");
        }
    }

    private static ImageBatches SyntheticBatches(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 28 * 28];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, count).Select(_ => (byte)random.Next(10)).ToArray();
        return new ImageBatches(new LabeledImages(28, 28, pixels, labels), new ImageNormalization(0.2860, 0.3530));
    }
}

using System.Diagnostics;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Trains any classifier on any batch source with Adam and cross-entropy, then scores it on validation and test and measures its cost.</summary>
/// <remarks>
/// Torch's thread count and random generator are process-wide: models are built one at a time under a lock from their
/// seed, and the data order comes from a seeded <see cref="Random"/>, so a run is repeatable (bitwise, at a fixed thread
/// count) even beside other trainings in the same process. Each batch runs in its own dispose scope; evaluation runs in
/// chunks without gradients. Our modules never dispose intermediate tensors inside <c>forward</c> (no <c>using</c>, no inner
/// scope): with TorchSharp 0.107 that intermittently left NaN gradients in the first training of a process; the batch's
/// scope frees them after the optimizer step.
/// </remarks>
public static class ClassificationTrainer
{
    private static readonly Lock SeedLock = new();

    /// <summary>Builds an architecture of a built-in space for the data (see <see cref="ModelFactory"/>) and trains it.</summary>
    /// <exception cref="ArgumentException">The options or fidelity are invalid, or the data does not suit the space.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Train(
        ISearchSpace space,
        Architecture architecture,
        TrainingData data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(data);
        ModelFactory.InputOf(space);
        return Train(() => ModelFactory.Create(space, architecture, data.Shape), data, epochs, dataFraction, seed, options, cancellationToken);
    }

    /// <summary>Builds a model with <paramref name="build"/> from the seed, trains it for some epochs on a seeded fraction of the train split, scores and measures it.</summary>
    /// <param name="build">Makes the model (fresh weights from the current torch seed); it must count its FLOPs (<see cref="FlopCounter"/>).</param>
    /// <param name="data">The data set's splits and shape.</param>
    /// <param name="epochs">Passes over the training subset (at least 1).</param>
    /// <param name="dataFraction">Fraction of the train split to train on, in (0, 1]; the subset is picked by <paramref name="seed"/>.</param>
    /// <param name="seed">Seeds the weights, the subset and the per-epoch shuffles.</param>
    /// <param name="options">Batch size, optimizer, threads, device and latency repeats.</param>
    /// <param name="cancellationToken">Checked between batches and evaluation chunks.</param>
    /// <exception cref="ArgumentException">The options or fidelity are invalid, or the train split is empty.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Train(
        Func<nn.Module<Tensor, Tensor>> build,
        TrainingData data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(Check(data, epochs, dataFraction, options));
        cancellationToken.ThrowIfCancellationRequested();

        set_num_threads(options.EffectiveThreads);
        var device = ComputeDevice.Resolve(options.Device);
        var random = new Random(seed);
        var subset = ChooseSubset(data.Train.Count, dataFraction, random);
        using var model = CreateModel(build, seed, device);
        model.to(device);
        using var optimizer = new AdamOptimizer(model.parameters(), options.LearningRate, options.WeightDecay);

        var stopwatch = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(subset);
            model.train();
            for (var start = 0; start < subset.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(options.BatchSize, subset.Length - start);
                if (count == 1 && start > 0)
                {
                    break; // a lone trailing sample would break batch norm
                }

                using var scope = NewDisposeScope();
                var (inputs, labels) = data.Train.Create(subset.AsSpan(start, count), device);
                Step(model, optimizer, inputs, labels);
            }
        }

        stopwatch.Stop();
        var validation = Evaluate(model, data.Validation, options.EvaluationChunk, cancellationToken);
        var test = Evaluate(model, data.Test, options.EvaluationChunk, cancellationToken);
        var measures = ModelMeasures.Of(model, data.Shape, options.LatencyWarmups, options.LatencyRepeats);
        return new TrainingResult(
            validation.Accuracy,
            test.Accuracy,
            validation.Loss,
            measures.Parameters,
            stopwatch.Elapsed.TotalSeconds,
            epochs,
            subset.Length,
            ModelWeights.Save(model),
            measures);
    }

    /// <summary>One training step on one batch: gradients cleared, cross-entropy, backward, an Adam update; returns the loss (caller's scope).</summary>
    internal static Tensor Step(nn.Module<Tensor, Tensor> model, AdamOptimizer optimizer, Tensor inputs, Tensor labels)
    {
        model.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
        loss.backward();
        optimizer.Step();
        return loss;
    }

    /// <summary>Accuracy and mean cross-entropy of a model on a split, in eval mode, without gradients, chunk by chunk.</summary>
    public static EvaluationResult Evaluate(
        nn.Module<Tensor, Tensor> model, IBatchSource split, int chunkSize = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (split.Count == 0)
        {
            return new EvaluationResult(0, 0, 0);
        }

        model.eval();
        using var noGrad = no_grad();
        var device = model.parameters().First().device;
        var order = Enumerable.Range(0, split.Count).ToArray();
        long correct = 0;
        double lossSum = 0;
        for (var start = 0; start < order.Length; start += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (x, y) = split.Create(order.AsSpan(start, Math.Min(chunkSize, order.Length - start)), device);
            var output = model.forward(x);
            lossSum += nn.functional.cross_entropy(output, y, reduction: nn.Reduction.Sum).item<float>();
            correct += output.argmax(1).eq(y).sum().item<long>();
        }

        return new EvaluationResult((double)correct / split.Count, lossSum / split.Count, split.Count);
    }

    /// <summary>Every problem with training on this data at this fidelity with these options; empty when there is none.</summary>
    public static List<string> Check(TrainingData data, int epochs, double dataFraction, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.Validate());
        if (epochs < 1)
        {
            errors.Add($"epochs must be at least 1 (was {epochs}).");
        }

        if (double.IsNaN(dataFraction) || dataFraction <= 0 || dataFraction > 1)
        {
            errors.Add($"dataFraction must be greater than 0 and at most 1 (was {dataFraction}).");
        }

        if (data.Train.Count == 0)
        {
            errors.Add($"Data set '{data.Name}' has an empty train split.");
        }

        return errors;
    }

    internal static void ThrowIfInvalid(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("Cannot train: " + string.Join(" ", errors));
        }
    }

    /// <summary>Builds the model from the seed; torch's generator is process-global, so concurrent trainings take turns here.</summary>
    /// <remarks>
    /// TorchSharp's layer constructors initialize weights and buffers with inline scalars (<c>fill_(1)</c> for batch-norm
    /// weights and running variances); a garbage collection that finalizes one mid-call leaves garbage in the model (seen as
    /// a NaN validation loss on the first training of a process). So pending finalizers are drained first and the layers are
    /// built inside a no-GC region.
    /// </remarks>
    internal static nn.Module<Tensor, Tensor> CreateModel(Func<nn.Module<Tensor, Tensor>> build, int seed, Device device)
    {
        lock (SeedLock)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var noCollections = TryStartNoGcRegion();
            try
            {
                manual_seed(seed);
                if (device.type == DeviceType.CUDA)
                {
                    cuda.manual_seed_all(seed);
                }

                return build();
            }
            finally
            {
                if (noCollections && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }
    }

    private static bool TryStartNoGcRegion()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoGcBytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // more than this runtime allows: build without the region
        }
        catch (InvalidOperationException)
        {
            return false; // already in one (another thread's)
        }
    }

    /// <summary>Managed bytes the model constructors may allocate without a collection (module objects only: tensors are native).</summary>
    private const long NoGcBytes = 32L * 1024 * 1024;

    private static int[] ChooseSubset(int trainCount, double fraction, Random random)
    {
        var all = Enumerable.Range(0, trainCount).ToArray();
        random.Shuffle(all);
        var count = Math.Clamp((int)Math.Round(trainCount * fraction), 1, trainCount);
        return all[..count];
    }
}

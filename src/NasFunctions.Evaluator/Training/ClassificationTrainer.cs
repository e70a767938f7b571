using System.Diagnostics;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Regularization;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Trains any classifier on any batch source with (optionally smoothed) cross-entropy and the options' optimizer and schedule, then scores it on validation and test and measures its cost.</summary>
/// <remarks>
/// Every training draws from a generator of its own (<see cref="TrainingRandom"/>, seeded from its seed, saved in each
/// checkpoint): the weight init (models are built one at a time under a lock, borrowing torch's process-wide generator) and
/// dropout masks (<see cref="SeededDropout"/>); the data order and the image augmentation's draws (<see cref="ImageAugmenter"/>)
/// come from <see cref="System.Random"/>s seeded from (seed, epoch). Augmentation, label smoothing and gradient clipping act on
/// training batches only: validation and test are scored on the images as they are, with plain cross-entropy.
/// So a run is repeatable (bitwise, at a fixed thread count) even beside other trainings in the same process, and a resumed
/// run is the uninterrupted one. The learning rate of every step comes from a <see cref="LearningRatePlan"/> over the planned
/// epochs (<see cref="TrainingOptions.PlannedEpochs"/>, or a checkpoint's plan), clocked by the optimizer's step count, which
/// the checkpoint carries. Torch's thread count is process-wide too: trainings that want different counts take turns
/// (<see cref="TrainingThreads"/>), so none changes another's. Each batch runs in its own dispose scope; evaluation runs in
/// chunks without gradients. Our modules never dispose intermediate tensors inside <c>forward</c> (no <c>using</c>, no inner
/// scope): with TorchSharp 0.107 that intermittently left NaN gradients in the first training of a process; the batch's
/// scope frees them after the optimizer step.
/// </remarks>
public static class ClassificationTrainer
{
    private static readonly Lock SeedLock = new();

    /// <summary>Builds an architecture of a built-in space for the data (see <see cref="ModelFactory"/>) and trains it.</summary>
    /// <exception cref="ArgumentException">The options or fidelity are invalid, or the data does not suit the space.</exception>
    /// <exception cref="InvalidDataException">The checkpoint to start from belongs to another network.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Train(
        ISearchSpace space,
        Architecture architecture,
        TrainingData data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken = default,
        TrainingCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(data);
        ModelFactory.InputOf(space);
        return Train(
            () => ModelFactory.Create(space, architecture, data.Shape), data, epochs, dataFraction, seed, options, cancellationToken, checkpoints);
    }

    /// <summary>Builds a model with <paramref name="build"/> from the seed, trains it up to some epochs on a seeded fraction of the train split, scores and measures it.</summary>
    /// <param name="build">Makes the model (fresh weights from the current torch seed); it must count its FLOPs (<see cref="FlopCounter"/>).</param>
    /// <param name="data">The data set's splits and shape.</param>
    /// <param name="epochs">Epochs the weights should have in all (at least 1); a checkpoint's epochs count towards them.</param>
    /// <param name="dataFraction">Fraction of the train split to train on, in (0, 1]; the subset is picked by the seed.</param>
    /// <param name="seed">Seeds the weights, the subset and the per-epoch order (a checkpoint to start from brings its own).</param>
    /// <param name="options">Batch size, optimizer, regularization, augmentation, threads, device, early stopping and latency repeats.</param>
    /// <param name="cancellationToken">Checked between batches and evaluation chunks.</param>
    /// <param name="checkpoints">Where to start from and where each epoch's checkpoint goes; null starts fresh and keeps none.</param>
    /// <exception cref="ArgumentException">The options or fidelity are invalid, or the train split is empty.</exception>
    /// <exception cref="InvalidDataException">The checkpoint to start from belongs to another network.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">A training or evaluation loss became NaN or infinite.</exception>
    public static TrainingResult Train(
        Func<nn.Module<Tensor, Tensor>> build,
        TrainingData data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken = default,
        TrainingCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(Check(data, epochs, dataFraction, options));
        cancellationToken.ThrowIfCancellationRequested();

        using var threads = TrainingThreads.Enter(options.EffectiveThreads, cancellationToken);
        var device = ComputeDevice.Resolve(options.Device);
        var start = checkpoints?.StartFrom;
        var orderSeed = start?.Seed ?? seed;
        var subset = ChooseSubset(data.Train.Count, dataFraction, orderSeed);
        using var random = new TrainingRandom(orderSeed, device);
        using var model = CreateModel(build, seed, random, device);
        model.to(device);
        if (options.UsesBFloat16)
        {
            model.to(ScalarType.BFloat16);
        }

        using var augmenter = ImageAugmenter.For(data, options.Augmentation);
        using var optimizer = options.Optimizer.Create(model.named_parameters(), options.LearningRate, options.WeightDecay, options.UsesBFloat16);
        if (start is not null)
        {
            LoadCheckpoint(model, optimizer, random, start, options.Optimizer.Name);
        }

        var stepsPerEpoch = EpochSteps(subset.Length, options.BatchSize);
        var plan = new LearningRatePlan(
            options.Schedule,
            options.LearningRate,
            stepsPerEpoch,
            start?.Recipe?.PlannedSteps ?? (long)Math.Max(options.PlannedEpochs ?? epochs, epochs) * stepsPerEpoch);

        random.AttachTo(model);

        var startEpoch = start?.EpochsDone ?? 0;
        var epochsDone = startEpoch;
        var plateau = start?.Plateau;
        var stopwatch = Stopwatch.StartNew();
        while (epochsDone < epochs && plateau?.Stopped != true)
        {
            (ImageAugmenter, Random)? augmentation = augmenter is null ? null : (augmenter, AugmentationDraws.ForEpoch(orderSeed, epochsDone));
            TrainEpoch(model, optimizer, plan, data.Train, subset, EpochOrder(orderSeed, epochsDone), options, augmentation, device, cancellationToken, epochsDone + 1);
            epochsDone++;
            if (options.EarlyStoppingPatience > 0)
            {
                var score = Evaluate(model, data.Validation, options.EvaluationChunk, cancellationToken);
                plateau = PlateauWatch.After(plateau, score.Accuracy, options.EarlyStoppingPatience, options.EarlyStoppingMinGain);
            }

            if (checkpoints?.AfterEpoch is { } afterEpoch)
            {
                var seconds = (start?.TrainSeconds ?? 0) + stopwatch.Elapsed.TotalSeconds;
                var recipe = new RecipeState(options.Optimizer.Name, optimizer.Steps, plan.PlannedSteps);
                afterEpoch(new TrainingCheckpoint(orderSeed, epochsDone, seconds, ModelWeights.Save(model), optimizer.SaveState(), plateau, random.SaveState(), recipe));
            }
        }

        stopwatch.Stop();
        if (options.UsesBFloat16)
        {
            model.to(ScalarType.Float32);
            optimizer.CopyMastersInto(model.parameters());
        }

        var validation = Evaluate(model, data.Validation, options.EvaluationChunk, cancellationToken);
        var test = Evaluate(model, data.Test, options.EvaluationChunk, cancellationToken);
        ThrowIfDiverged(epochsDone, validation.Loss);
        ThrowIfDiverged(epochsDone, test.Loss);
        var measures = ModelMeasures.Of(model, data.Shape, options.LatencyWarmups, options.LatencyRepeats);
        return new TrainingResult(
            validation.Accuracy,
            test.Accuracy,
            validation.Loss,
            measures.Parameters,
            (start?.TrainSeconds ?? 0) + stopwatch.Elapsed.TotalSeconds,
            epochsDone,
            subset.Length,
            ModelWeights.Save(model),
            measures,
            startEpoch,
            plateau?.Stopped == true && epochsDone < epochs);
    }

    /// <summary>One pass over the subset in the given order, a dispose scope per batch, each batch augmented when asked; a non-finite loss stops it as diverged.</summary>
    private static void TrainEpoch(
        nn.Module<Tensor, Tensor> model,
        TrainingOptimizer optimizer,
        LearningRatePlan plan,
        IBatchSource train,
        int[] subset,
        Random order,
        TrainingOptions options,
        (ImageAugmenter Augmenter, Random Draws)? augmentation,
        Device device,
        CancellationToken cancellationToken,
        int epoch)
    {
        var shuffled = subset.ToArray();
        order.Shuffle(shuffled);
        model.train();
        var batchSize = options.BatchSize;
        for (var start = 0; start < shuffled.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, shuffled.Length - start);
            if (count == 1 && start > 0)
            {
                break; // a lone trailing sample would break batch norm
            }

            using var scope = NewDisposeScope();
            var (inputs, labels) = train.Create(shuffled.AsSpan(start, count), device);
            if (augmentation is { } augment)
            {
                inputs = augment.Augmenter.Apply(inputs, augment.Draws);
            }

            optimizer.LearningRate = plan.At(optimizer.Steps);
            ThrowIfDiverged(epoch, Step(model, optimizer, inputs, labels, options.LabelSmoothing, options.GradientClipNorm).item<float>());
        }
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> when a loss is NaN or infinite.</summary>
    private static void ThrowIfDiverged(int epoch, double loss)
    {
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(epoch, loss);
        }
    }

    /// <summary>The optimizer steps of one epoch over <paramref name="samples"/>: one a batch, less a lone trailing sample (<see cref="TrainEpoch"/> skips it).</summary>
    internal static long EpochSteps(int samples, int batchSize)
    {
        var full = samples / batchSize;
        var rest = samples % batchSize;
        return full + (rest > 1 || (rest == 1 && full == 0) ? 1 : 0);
    }

    /// <summary>Loads a checkpoint's weights, optimizer and random state; a checkpoint of another network or optimizer is an <see cref="InvalidDataException"/>.</summary>
    private static void LoadCheckpoint(
        nn.Module<Tensor, Tensor> model, TrainingOptimizer optimizer, TrainingRandom random, TrainingCheckpoint checkpoint, string optimizerName)
    {
        var savedBy = checkpoint.Recipe?.Optimizer ?? "adam"; // before the recipe was saved every training was Adam's
        if (savedBy != optimizerName)
        {
            throw new InvalidDataException($"The checkpoint was trained with {savedBy}; this training uses {optimizerName}.");
        }

        try
        {
            ModelWeights.LoadInto(model, checkpoint.Model);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The checkpoint's weights do not fit this network: {e.Message}", e);
        }

        optimizer.LoadState(checkpoint.Optimizer);
        if (checkpoint.Recipe is { } recipe && recipe.Step != optimizer.Steps)
        {
            throw new InvalidDataException($"The checkpoint's schedule is at step {recipe.Step} but its optimizer at {optimizer.Steps}.");
        }

        if (checkpoint.Random is { } state)
        {
            random.LoadState(state);
        }
    }

    /// <summary>The data order of one epoch: it depends on the seed and the epoch only, so a resumed training sees the same order.</summary>
    private static Random EpochOrder(int seed, int epoch) => new(unchecked((seed * 1_000_003) ^ ((epoch + 1) * 7_919)));

    /// <summary>One training step on one batch: gradients cleared, cross-entropy (smoothed by <paramref name="labelSmoothing"/>), backward, gradients clipped to a global norm of <paramref name="gradientClipNorm"/> (0: not), an update at the optimizer's rate; returns the loss (caller's scope).</summary>
    internal static Tensor Step(
        nn.Module<Tensor, Tensor> model, TrainingOptimizer optimizer, Tensor inputs, Tensor labels, double labelSmoothing = 0, double gradientClipNorm = 0)
    {
        model.zero_grad();
        var loss = SmoothedCrossEntropy.Loss(Forward(model, inputs), labels, labelSmoothing);
        loss.backward();
        if (gradientClipNorm > 0)
        {
            GradientClipping.ClipGlobalNorm(model.parameters(), gradientClipNorm);
        }

        optimizer.Step();
        return loss;
    }

    /// <summary>The model's logits as float32: floating inputs are cast to the model's precision first (token ids stay integers).</summary>
    private static Tensor Forward(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        var precision = model.parameters().First().dtype;
        var cast = inputs.is_floating_point() && inputs.dtype != precision ? inputs.to(precision) : inputs;
        var logits = model.forward(cast);
        return logits.dtype == ScalarType.Float32 ? logits : logits.to(ScalarType.Float32);
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
            var output = Forward(model, x);
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
        errors.AddRange(ImageAugmenter.Check(data, options.Augmentation));
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

    /// <summary>Builds the model, its init drawn from the training's generator; torch's generator is process-global, so concurrent trainings take turns here.</summary>
    /// <remarks>
    /// TorchSharp's layer constructors initialize weights and buffers with inline scalars (<c>fill_(1)</c> for batch-norm
    /// weights and running variances); a garbage collection that finalizes one mid-call leaves garbage in the model (seen as
    /// a NaN validation loss on the first training of a process). So pending finalizers are drained first and the layers are
    /// built inside a no-GC region.
    /// </remarks>
    internal static nn.Module<Tensor, Tensor> CreateModel(Func<nn.Module<Tensor, Tensor>> build, int seed, TrainingRandom random, Device device)
    {
        lock (SeedLock)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var noCollections = TryStartNoGcRegion();
            try
            {
                if (device.type == DeviceType.CUDA)
                {
                    cuda.manual_seed_all(seed);
                }

                return random.DrawFromDefault(build);
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

    /// <summary>The first <paramref name="fraction"/> of a seeded permutation, so a larger fraction of the same seed holds a smaller one.</summary>
    private static int[] ChooseSubset(int trainCount, double fraction, int seed)
    {
        var all = Enumerable.Range(0, trainCount).ToArray();
        new Random(seed).Shuffle(all);
        var count = Math.Clamp((int)Math.Round(trainCount * fraction), 1, trainCount);
        return all[..count];
    }
}

using System.Diagnostics;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Regularization;
using NasFunctions.Evaluator.Training.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>The one training loop every task shares: epochs of batches under the options' optimizer and schedule, checkpoints, early stopping, cancellation and divergence.</summary>
/// <remarks>
/// Every training draws from a generator of its own (<see cref="TrainingRandom"/>, seeded from its seed, saved in each
/// checkpoint): the weight init (models are built one at a time under a lock, borrowing torch's process-wide generator) and
/// dropout masks (<see cref="SeededDropout"/>); the data order comes from a <see cref="System.Random"/> seeded from (seed,
/// epoch). So a run is repeatable (bitwise, at a fixed thread count) even beside other trainings in the same process, and a
/// resumed run is the uninterrupted one. The learning rate of every step comes from a <see cref="LearningRatePlan"/> over the
/// planned epochs (<see cref="TrainingOptions.PlannedEpochs"/>, or a checkpoint's plan), clocked by the optimizer's step
/// count, which the checkpoint carries. Torch's thread count is process-wide too: trainings that want different counts take
/// turns (<see cref="TrainingThreads"/>), so none changes another's. Each batch runs in its own dispose scope. Our modules
/// never dispose intermediate tensors inside <c>forward</c> (no <c>using</c>, no inner scope): with TorchSharp 0.107 that
/// intermittently left NaN gradients in the first training of a process; the batch's scope frees them after the step.
/// What differs between tasks (the batches of an epoch, a batch's loss, the validation score) is the task's
/// (<see cref="ITrainingTask{TModel}"/>); scoring the trained model is the caller's <c>finish</c>, run before the model is disposed.
/// </remarks>
internal static class TrainingLoop
{
    private static readonly Lock SeedLock = new();

    /// <summary>Builds a model with <paramref name="build"/> from the seed, trains it up to some epochs on a seeded fraction of the task's train split, and hands it to <paramref name="finish"/>.</summary>
    /// <exception cref="InvalidDataException">The checkpoint to start from belongs to another network.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">A training loss became NaN or infinite.</exception>
    public static TResult Run<TModel, TResult>(
        ITrainingTask<TModel> task,
        Func<TModel> build,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken,
        TrainingCheckpoints? checkpoints,
        Func<TModel, TrainingRun, TResult> finish)
        where TModel : nn.Module
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var threads = TrainingThreads.Enter(options.EffectiveThreads, cancellationToken);
        var device = ComputeDevice.Resolve(options.Device);
        var start = checkpoints?.StartFrom;
        var orderSeed = start?.Seed ?? seed;
        var subset = ChooseSubset(task.TrainCount, dataFraction, orderSeed);
        using var random = new TrainingRandom(orderSeed, device);
        using var model = CreateModel(build, seed, random, device);
        model.to(device);
        if (options.UsesBFloat16)
        {
            model.to(ScalarType.BFloat16);
        }

        using var optimizer = options.Optimizer.Create(model.named_parameters(), options.LearningRate, options.WeightDecay, options.UsesBFloat16);
        if (start is not null)
        {
            LoadCheckpoint(model, optimizer, random, start, options.Optimizer.Name);
        }

        var stepsPerEpoch = task.EpochSteps(subset.Length, options.BatchSize);
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
            task.BeginEpoch(orderSeed, epochsDone);
            TrainEpoch(task, model, optimizer, plan, subset, EpochOrder(orderSeed, epochsDone), options, device, cancellationToken, epochsDone + 1);
            epochsDone++;
            if (options.EarlyStoppingPatience > 0)
            {
                var score = task.ValidationScore(model, cancellationToken);
                plateau = PlateauWatch.After(plateau, score, options.EarlyStoppingPatience, options.EarlyStoppingMinGain);
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

        var run = new TrainingRun(
            startEpoch, epochsDone, subset.Length, (start?.TrainSeconds ?? 0) + stopwatch.Elapsed.TotalSeconds, plateau?.Stopped == true && epochsDone < epochs);
        return finish(model, run);
    }

    /// <summary>One pass over the task's batches of the subset, a dispose scope per batch; a non-finite loss stops it as diverged.</summary>
    private static void TrainEpoch<TModel>(
        ITrainingTask<TModel> task,
        TModel model,
        TrainingOptimizer optimizer,
        LearningRatePlan plan,
        int[] subset,
        Random order,
        TrainingOptions options,
        Device device,
        CancellationToken cancellationToken,
        int epoch)
        where TModel : nn.Module
    {
        model.train();
        foreach (var batch in task.EpochBatches(subset, order, options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.LearningRate = plan.At(optimizer.Steps);
            var loss = Step(model, optimizer, () => task.Loss(model, batch, device), options.GradientClipNorm);
            ThrowIfDiverged(epoch, loss.item<float>());
        }
    }

    /// <summary>One training step: gradients cleared, the loss, backward, gradients clipped to a global norm of <paramref name="gradientClipNorm"/> (0: not), an update at the optimizer's rate; returns the loss (caller's scope).</summary>
    public static Tensor Step(nn.Module model, TrainingOptimizer optimizer, Func<Tensor> loss, double gradientClipNorm)
    {
        model.zero_grad();
        var value = loss();
        value.backward();
        if (gradientClipNorm > 0)
        {
            GradientClipping.ClipGlobalNorm(model.parameters(), gradientClipNorm);
        }

        optimizer.Step();
        return value;
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> when a loss is NaN or infinite.</summary>
    public static void ThrowIfDiverged(int epoch, double loss)
    {
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(epoch, loss);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfInvalid(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("Cannot train: " + string.Join(" ", errors));
        }
    }

    /// <summary>The problems with a fidelity (epochs, data fraction) and a train split of <paramref name="trainCount"/> samples.</summary>
    public static IEnumerable<string> CheckFidelity(string dataName, int trainCount, int epochs, double dataFraction)
    {
        if (epochs < 1)
        {
            yield return $"epochs must be at least 1 (was {epochs}).";
        }

        if (double.IsNaN(dataFraction) || dataFraction <= 0 || dataFraction > 1)
        {
            yield return $"dataFraction must be greater than 0 and at most 1 (was {dataFraction}).";
        }

        if (trainCount == 0)
        {
            yield return $"Data set '{dataName}' has an empty train split.";
        }
    }

    /// <summary>Loads a checkpoint's weights, optimizer and random state; a checkpoint of another network or optimizer is an <see cref="InvalidDataException"/>.</summary>
    private static void LoadCheckpoint(nn.Module model, TrainingOptimizer optimizer, TrainingRandom random, TrainingCheckpoint checkpoint, string optimizerName)
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

    /// <summary>Builds the model, its init drawn from the training's generator; torch's generator is process-global, so concurrent trainings take turns here.</summary>
    /// <remarks>
    /// TorchSharp's layer constructors initialize weights and buffers with inline scalars (<c>fill_(1)</c> for batch-norm
    /// weights and running variances); a garbage collection that finalizes one mid-call leaves garbage in the model (seen as
    /// a NaN validation loss on the first training of a process). So pending finalizers are drained first and the layers are
    /// built inside a no-GC region.
    /// </remarks>
    public static TModel CreateModel<TModel>(Func<TModel> build, int seed, TrainingRandom random, Device device)
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

using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Regularization;
using NasFunctions.SearchSpace;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Trains any classifier on any batch source with (optionally smoothed) cross-entropy and the options' optimizer and schedule, then scores it on validation and test and measures its cost.</summary>
/// <remarks>
/// The loop (generators, optimizer and schedule, checkpoints, early stopping, threads) is <see cref="TrainingLoop"/>'s; this
/// task shuffles the subset each epoch, augments training images (<see cref="ImageAugmenter"/>, draws seeded from (seed,
/// epoch)) and smooths their labels. Augmentation, label smoothing and gradient clipping act on training batches only:
/// validation and test are scored on the samples as they are, with plain cross-entropy, in chunks without gradients.
/// </remarks>
public static class ClassificationTrainer
{
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
        TrainingLoop.ThrowIfInvalid(Check(data, epochs, dataFraction, options));
        using var augmenter = ImageAugmenter.For(data, options.Augmentation);
        var task = new ClassificationTask(data, options, augmenter);
        return TrainingLoop.Run(task, build, epochs, dataFraction, seed, options, cancellationToken, checkpoints, (model, run) =>
        {
            var validation = Evaluate(model, data.Validation, options.EvaluationChunk, cancellationToken);
            var test = Evaluate(model, data.Test, options.EvaluationChunk, cancellationToken);
            TrainingLoop.ThrowIfDiverged(run.EpochsDone, validation.Loss);
            TrainingLoop.ThrowIfDiverged(run.EpochsDone, test.Loss);
            var measures = ModelMeasures.Of(model, data.Shape, options.LatencyWarmups, options.LatencyRepeats);
            return run.Result(validation.Accuracy, test.Accuracy, validation.Loss, model, measures);
        });
    }

    /// <summary>The optimizer steps of one epoch over <paramref name="samples"/>: one a batch, less a lone trailing sample (the epoch skips it).</summary>
    internal static long EpochSteps(int samples, int batchSize)
    {
        var full = samples / batchSize;
        var rest = samples % batchSize;
        return full + (rest > 1 || (rest == 1 && full == 0) ? 1 : 0);
    }

    /// <summary>One training step on one batch: gradients cleared, cross-entropy (smoothed by <paramref name="labelSmoothing"/>), backward, gradients clipped to a global norm of <paramref name="gradientClipNorm"/> (0: not), an update at the optimizer's rate; returns the loss (caller's scope).</summary>
    internal static Tensor Step(
        nn.Module<Tensor, Tensor> model, TrainingOptimizer optimizer, Tensor inputs, Tensor labels, double labelSmoothing = 0, double gradientClipNorm = 0) =>
        TrainingLoop.Step(model, optimizer, () => SmoothedCrossEntropy.Loss(Forward(model, inputs), labels, labelSmoothing), gradientClipNorm);

    /// <summary>The model's logits as float32: floating inputs are cast to the model's precision first (token ids stay integers).</summary>
    internal static Tensor Forward(nn.Module<Tensor, Tensor> model, Tensor inputs)
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
        errors.AddRange(TrainingLoop.CheckFidelity(data.Name, data.Train.Count, epochs, dataFraction));
        return errors;
    }
}

using System.Diagnostics;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace.MacroCnn;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Trains a macro CNN on an image data set with Adam and cross-entropy, then measures it on validation and test.</summary>
/// <remarks>
/// Torch's thread count and random generator are process-wide: models are built one at a time under a lock from their
/// seed, and the data order comes from a seeded <see cref="Random"/>, so a run is repeatable (bitwise, at a fixed thread
/// count) even beside other trainings in the same process.
/// </remarks>
public static class ImageClassificationTrainer
{
    private static readonly Lock SeedLock = new();

    /// <summary>Trains the network for some epochs on a seeded fraction of the train split and evaluates it.</summary>
    /// <param name="network">The network to build and train.</param>
    /// <param name="data">The data set; its image shape must match the network's input.</param>
    /// <param name="epochs">Passes over the training subset (at least 1).</param>
    /// <param name="dataFraction">Fraction of the train split to train on, in (0, 1]; the subset is picked by <paramref name="seed"/>.</param>
    /// <param name="seed">Seeds the weights, the subset and the per-epoch shuffles.</param>
    /// <param name="options">Batch size, optimizer, threads and device.</param>
    /// <param name="cancellationToken">Checked between batches and evaluation chunks.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Train(
        MacroCnnNetwork network,
        ImageDataset data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        CheckArguments(network, data, epochs, dataFraction, options);
        cancellationToken.ThrowIfCancellationRequested();

        set_num_threads(options.EffectiveThreads);
        var device = ComputeDevice.Resolve(options.Device);
        var random = new Random(seed);
        var subset = ChooseSubset(data.Train.Count, dataFraction, random);
        using var model = CreateModel(network, seed, device);
        model.to(device);
        using var optimizer = new AdamOptimizer(model.parameters(), options.LearningRate, options.WeightDecay);
        var batches = new BatchTensors(data.Train, data.Normalization, device);

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
                    break; // a lone trailing sample would break batch norm on 1x1 feature maps
                }

                using var scope = NewDisposeScope();
                var (images, labels) = batches.Create(subset.AsSpan(start, count));
                model.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(images), labels);
                loss.backward();
                optimizer.Step();
            }
        }

        stopwatch.Stop();
        var validation = Evaluate(model, data.Validation, data.Normalization, options.EvaluationChunk, cancellationToken);
        var test = Evaluate(model, data.Test, data.Normalization, options.EvaluationChunk, cancellationToken);
        return new TrainingResult(
            validation.Accuracy,
            test.Accuracy,
            validation.Loss,
            model.ParameterCount,
            stopwatch.Elapsed.TotalSeconds,
            epochs,
            subset.Length,
            ModelWeights.Save(model));
    }

    /// <summary>Builds the model from the seed; torch's generator is process-global, so concurrent trainings take turns here.</summary>
    private static MacroCnnModel CreateModel(MacroCnnNetwork network, int seed, Device device)
    {
        lock (SeedLock)
        {
            manual_seed(seed);
            if (device.type == DeviceType.CUDA)
            {
                cuda.manual_seed_all(seed);
            }

            return new MacroCnnModel(network);
        }
    }

    /// <summary>Accuracy and mean cross-entropy of a model on a split, in eval mode, without gradients, chunk by chunk.</summary>
    public static EvaluationResult Evaluate(
        MacroCnnModel model,
        LabeledImages images,
        ImageNormalization normalization,
        int chunkSize = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (images.Count == 0)
        {
            return new EvaluationResult(0, 0, 0);
        }

        model.eval();
        using var noGrad = no_grad();
        var device = model.parameters().First().device;
        var batches = new BatchTensors(images, normalization, device);
        var order = Enumerable.Range(0, images.Count).ToArray();
        long correct = 0;
        double lossSum = 0;
        for (var start = 0; start < order.Length; start += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (x, y) = batches.Create(order.AsSpan(start, Math.Min(chunkSize, order.Length - start)));
            var output = model.forward(x);
            lossSum += nn.functional.cross_entropy(output, y, reduction: nn.Reduction.Sum).item<float>();
            correct += output.argmax(1).eq(y).sum().item<long>();
        }

        return new EvaluationResult((double)correct / images.Count, lossSum / images.Count, images.Count);
    }

    private static void CheckArguments(
        MacroCnnNetwork network, ImageDataset data, int epochs, double dataFraction, TrainingOptions options)
    {
        var errors = new List<string>(options.Validate());
        errors.AddRange(MacroCnnModel.Check(network));
        if (epochs < 1)
        {
            errors.Add($"epochs must be at least 1 (was {epochs}).");
        }

        if (double.IsNaN(dataFraction) || dataFraction <= 0 || dataFraction > 1)
        {
            errors.Add($"dataFraction must be greater than 0 and at most 1 (was {dataFraction}).");
        }

        if (network.InputChannels != data.Channels || network.InputHeight != data.Height || network.InputWidth != data.Width)
        {
            errors.Add($"The network takes ({network.InputChannels}, {network.InputHeight}, {network.InputWidth}) inputs " +
                $"but data set '{data.Name}' has ({data.Channels}, {data.Height}, {data.Width}) images.");
        }

        if (network.Classes < data.Classes)
        {
            errors.Add($"The network has {network.Classes} classes but data set '{data.Name}' has {data.Classes}.");
        }

        if (data.Train.Count == 0)
        {
            errors.Add($"Data set '{data.Name}' has an empty train split.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Cannot train: " + string.Join(" ", errors));
        }
    }

    private static int[] ChooseSubset(int trainCount, double fraction, Random random)
    {
        var all = Enumerable.Range(0, trainCount).ToArray();
        random.Shuffle(all);
        var count = Math.Clamp((int)Math.Round(trainCount * fraction), 1, trainCount);
        return all[..count];
    }
}

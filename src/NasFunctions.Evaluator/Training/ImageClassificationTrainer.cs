using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Evaluator.Training;

/// <summary>Trains a macro CNN on an image data set with <see cref="ClassificationTrainer"/>, checking the network against the images first.</summary>
public static class ImageClassificationTrainer
{
    /// <summary>Trains the network for some epochs on a seeded fraction of the train split and evaluates it.</summary>
    /// <param name="network">The network to build and train; its input shape must match the images.</param>
    /// <param name="data">The data set.</param>
    /// <param name="epochs">Passes over the training subset (at least 1).</param>
    /// <param name="dataFraction">Fraction of the train split to train on, in (0, 1]; the subset is picked by <paramref name="seed"/>.</param>
    /// <param name="seed">Seeds the weights, the subset and the per-epoch shuffles.</param>
    /// <param name="options">Batch size, optimizer, threads and device.</param>
    /// <param name="cancellationToken">Checked between batches and evaluation chunks.</param>
    /// <exception cref="ArgumentException">The network, options or fidelity are invalid, or the network does not fit the images (every problem listed).</exception>
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
        var training = TrainingData.From(data);
        var errors = ClassificationTrainer.Check(training, epochs, dataFraction, options);
        errors.AddRange(MacroCnnModel.Check(network));
        if (network.InputChannels != data.Channels || network.InputHeight != data.Height || network.InputWidth != data.Width)
        {
            errors.Add($"The network takes ({network.InputChannels}, {network.InputHeight}, {network.InputWidth}) inputs " +
                $"but data set '{data.Name}' has ({data.Channels}, {data.Height}, {data.Width}) images.");
        }

        if (network.Classes < data.Classes)
        {
            errors.Add($"The network has {network.Classes} classes but data set '{data.Name}' has {data.Classes}.");
        }

        TrainingLoop.ThrowIfInvalid(errors);
        return ClassificationTrainer.Train(() => new MacroCnnModel(network), training, epochs, dataFraction, seed, options, cancellationToken);
    }

    /// <summary>Accuracy and mean cross-entropy of a model on a split, in eval mode, without gradients, chunk by chunk.</summary>
    public static EvaluationResult Evaluate(
        MacroCnnModel model,
        LabeledImages images,
        ImageNormalization normalization,
        int chunkSize = 1000,
        CancellationToken cancellationToken = default) =>
        ClassificationTrainer.Evaluate(model, new ImageBatches(images, normalization), chunkSize, cancellationToken);
}

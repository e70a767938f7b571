using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.Evaluator.Training.Regularization;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Classification as a training task: shuffled batches, augmented training images, (smoothed) cross-entropy, validation accuracy.</summary>
internal sealed class ClassificationTask(TrainingData data, TrainingOptions options, ImageAugmenter? augmenter) : ITrainingTask<nn.Module<Tensor, Tensor>>
{
    private Random? _draws;

    /// <inheritdoc />
    public int TrainCount => data.Train.Count;

    /// <inheritdoc />
    public long EpochSteps(int samples, int batchSize) => ClassificationTrainer.EpochSteps(samples, batchSize);

    /// <inheritdoc />
    /// <remarks>The subset shuffled, cut into batches; a lone trailing sample is left out (it would break batch norm).</remarks>
    public IEnumerable<int[]> EpochBatches(int[] subset, Random order, int batchSize)
    {
        var shuffled = subset.ToArray();
        order.Shuffle(shuffled);
        for (var start = 0; start < shuffled.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, shuffled.Length - start);
            if (count == 1 && start > 0)
            {
                yield break;
            }

            yield return shuffled[start..(start + count)];
        }
    }

    /// <inheritdoc />
    public void BeginEpoch(int seed, int epoch) => _draws = augmenter is null ? null : AugmentationDraws.ForEpoch(seed, epoch);

    /// <inheritdoc />
    public Tensor Loss(nn.Module<Tensor, Tensor> model, ReadOnlySpan<int> batch, Device device)
    {
        var (inputs, labels) = data.Train.Create(batch, device);
        if (augmenter is not null && _draws is not null)
        {
            inputs = augmenter.Apply(inputs, _draws);
        }

        return SmoothedCrossEntropy.Loss(ClassificationTrainer.Forward(model, inputs), labels, options.LabelSmoothing);
    }

    /// <inheritdoc />
    public double ValidationScore(nn.Module<Tensor, Tensor> model, CancellationToken cancellationToken) =>
        ClassificationTrainer.Evaluate(model, data.Validation, options.EvaluationChunk, cancellationToken).Accuracy;
}

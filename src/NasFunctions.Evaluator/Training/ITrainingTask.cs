using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>What a training trains for: how an epoch's batches are drawn, the loss of one batch, and the validation score early stopping watches.</summary>
/// <remarks>
/// <see cref="TrainingLoop"/> owns everything tasks share (threads, device, generator, optimizer and schedule, checkpoints,
/// early stopping, cancellation, divergence); a task says only what differs between classifying and translating.
/// </remarks>
/// <typeparam name="TModel">The network the task trains.</typeparam>
internal interface ITrainingTask<in TModel>
    where TModel : nn.Module
{
    /// <summary>Samples in the train split.</summary>
    int TrainCount { get; }

    /// <summary>The optimizer steps of one epoch over <paramref name="samples"/> samples: the count <see cref="EpochBatches"/> yields.</summary>
    long EpochSteps(int samples, int batchSize);

    /// <summary>The batches (train-split sample indices) of one epoch over <paramref name="subset"/>, drawn with <paramref name="order"/>.</summary>
    IEnumerable<int[]> EpochBatches(int[] subset, Random order, int batchSize);

    /// <summary>Called before each epoch's batches (for per-epoch draws such as augmentation).</summary>
    void BeginEpoch(int seed, int epoch);

    /// <summary>The training loss of one batch in train mode, a float32 scalar in the caller's dispose scope.</summary>
    Tensor Loss(TModel model, ReadOnlySpan<int> batch, Device device);

    /// <summary>The validation score in [0, 1] early stopping watches (higher is better), without gradients.</summary>
    double ValidationScore(TModel model, CancellationToken cancellationToken);
}

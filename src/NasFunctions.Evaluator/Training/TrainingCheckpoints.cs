namespace NasFunctions.Evaluator.Training;

/// <summary>Where a training starts (fresh, or from a checkpoint) and where it hands a checkpoint after each epoch.</summary>
public sealed class TrainingCheckpoints
{
    /// <summary>The checkpoint to start from; null (default) starts from fresh weights.</summary>
    /// <remarks>Its seed, not the caller's, then picks the data subset and orders the epochs, so the run carries on as one.</remarks>
    public TrainingCheckpoint? StartFrom { get; init; }

    /// <summary>Called after every trained epoch with the checkpoint of that moment (say, to upload it); null (default) makes none.</summary>
    /// <remarks>It runs on the training thread; training waits for it, so a checkpoint is stored before the next epoch starts.</remarks>
    public Action<TrainingCheckpoint>? AfterEpoch { get; init; }
}

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>Where a trial's training starts (fresh, from its own last checkpoint, or from another trial's) and where each epoch's checkpoint goes.</summary>
/// <remarks>To the orchestration a checkpoint is opaque bytes; only the evaluator that wrote one reads it.</remarks>
public sealed record TrialCheckpointing
{
    /// <summary>Start fresh and keep no checkpoints.</summary>
    public static TrialCheckpointing None { get; } = new();

    /// <summary>The checkpoint to start from; null (default) starts from fresh weights.</summary>
    public byte[]? StartFrom { get; init; }

    /// <summary>
    /// True when <see cref="StartFrom"/> is another trial's final checkpoint (a promotion to a higher fidelity), whose
    /// early-stopping history does not carry over; false (default) when it is this trial's own, left by an earlier attempt.
    /// </summary>
    public bool ContinuesAnotherTrial { get; init; }

    /// <summary>Called after every trained epoch, on the training thread, which waits for it; null (default) keeps none.</summary>
    public Action<EpochCheckpoint>? AfterEpoch { get; init; }
}

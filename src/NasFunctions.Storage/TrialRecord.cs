namespace NasFunctions.Storage;

/// <summary>One trial's row in the Trials table: the candidate, its fidelity, its outcome and where its weights are.</summary>
public sealed record TrialRecord
{
    /// <summary>The search id (PartitionKey).</summary>
    public required string SearchId { get; init; }

    /// <summary>The trial id (RowKey), deterministic such as <c>r0003-c07</c>.</summary>
    public required string TrialId { get; init; }

    /// <summary>The round that proposed it.</summary>
    public int Round { get; init; }

    /// <summary>The architecture, canonical string.</summary>
    public required string Architecture { get; init; }

    /// <summary>The architecture as JSON.</summary>
    public string? ArchitectureJson { get; init; }

    /// <summary>Fidelity: epochs trained.</summary>
    public int Epochs { get; init; }

    /// <summary>Fidelity: fraction of the training data used, in (0, 1].</summary>
    public double DataFraction { get; init; } = 1.0;

    /// <summary>The trial whose trained weights this one continued from (a promotion to a higher fidelity); null when it started fresh.</summary>
    public string? ContinuedFrom { get; init; }

    /// <summary>Epochs the weights had when this trial started: those of <see cref="ContinuedFrom"/>, 0 for a fresh start.</summary>
    public int StartEpoch { get; init; }

    /// <summary>Epochs the weights have now (counting <see cref="StartEpoch"/>); updated after each epoch while it trains.</summary>
    public int? EpochsDone { get; init; }

    /// <summary>The epoch an attempt resumed from, after an earlier attempt left a checkpoint; null when no attempt resumed.</summary>
    public int? ResumedFromEpoch { get; init; }

    /// <summary>True when training stopped before <see cref="Epochs"/> because the validation accuracy stopped improving.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>One of <see cref="TrialStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Validation accuracy in [0, 1].</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>Test accuracy in [0, 1].</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Validation loss.</summary>
    public double? ValidationLoss { get; init; }

    /// <summary>Trainable parameters.</summary>
    public long? Parameters { get; init; }

    /// <summary>Floating-point operations of one forward pass.</summary>
    public long? Flops { get; init; }

    /// <summary>Inference latency of one sample, in milliseconds (forward pass at batch 1, median of repeats).</summary>
    public double? LatencyMilliseconds { get; init; }

    /// <summary>Inference latency per sample at batch 64, in milliseconds (a batch's median time divided by 64).</summary>
    public double? LatencyMillisecondsBatch64 { get; init; }

    /// <summary>A translation trial's fitness metric, "bleu" or "wer" (its accuracies are then that fitness in [0, 1]); null for classification.</summary>
    public string? Metric { get; init; }

    /// <summary>A translation trial's validation BLEU, 0 to 100.</summary>
    public double? ValidationBleu { get; init; }

    /// <summary>A translation trial's validation word error rate, 0 to 100 (for text: sentences matching no reference).</summary>
    public double? ValidationWer { get; init; }

    /// <summary>A translation trial's test BLEU, 0 to 100.</summary>
    public double? TestBleu { get; init; }

    /// <summary>A translation trial's test chrF, 0 to 100.</summary>
    public double? TestChrF { get; init; }

    /// <summary>A translation trial's test word error rate, 0 to 100.</summary>
    public double? TestWer { get; init; }

    /// <summary>A translation trial's test token (for grapheme-to-phoneme: phoneme) error rate, 0 to 100.</summary>
    public double? TestPer { get; init; }

    /// <summary>A few decoded test sentences as a JSON array of <c>{source, reference, hypothesis}</c>, each text cut short; null for classification.</summary>
    public string? DecodedExamples { get; init; }

    /// <summary>Wall-clock training time, in seconds.</summary>
    public double? TrainSeconds { get; init; }

    /// <summary>The weights blob's name inside the container (see <see cref="BlobPaths.TrialWeights"/>).</summary>
    public string? WeightsBlob { get; init; }

    /// <summary>Why the trial failed, one short sentence (the full detail goes to the host log only); stored cut to <see cref="AzureSearchStore.MaxErrorLength"/> characters.</summary>
    public string? Error { get; init; }

    /// <summary>What kind of failure it was, one of <see cref="TrialErrorCategory"/>; null unless the trial failed.</summary>
    public string? ErrorCategory { get; init; }

    /// <summary>Set when the trial was stopped from outside (its timeout): a training still running stops at its next batch.</summary>
    public bool? StopRequested { get; init; }

    /// <summary>The host (machine or worker) that ran it.</summary>
    public string? Host { get; init; }

    /// <summary>Which attempt (1 for the first) wrote this row.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When this row was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}

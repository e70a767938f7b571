namespace NasFunctions.Orchestration.Contracts;

/// <summary>The small result of one trial that flows back to the orchestrator (full metrics live in the Trials table).</summary>
/// <param name="TrialId">The trial's id.</param>
/// <param name="Architecture">The canonical architecture string.</param>
/// <param name="Epochs">Fidelity it trained at: epochs.</param>
/// <param name="DataFraction">Fidelity it trained at: share of the training split.</param>
/// <param name="Status">Succeeded or Failed.</param>
/// <param name="ValidationAccuracy">Validation accuracy in [0, 1]; the search's fitness. Null when the trial failed.</param>
/// <param name="TestAccuracy">Test accuracy in [0, 1], for reporting only.</param>
/// <param name="Parameters">Trainable parameter count.</param>
/// <param name="TrainSeconds">Seconds spent training.</param>
/// <param name="Error">Why the trial failed, when it did.</param>
/// <param name="Flops">FLOPs of one forward pass over one sample.</param>
/// <param name="LatencyMilliseconds">Host latency of one sample at batch 1, in milliseconds.</param>
/// <param name="ErrorCategory">What kind of failure it was (see <c>TrialErrorCategory</c>), when it failed.</param>
public sealed record TrialSummary(
    string TrialId,
    string Architecture,
    int Epochs,
    double DataFraction,
    string Status,
    double? ValidationAccuracy,
    double? TestAccuracy,
    long? Parameters,
    double? TrainSeconds,
    string? Error,
    long? Flops = null,
    double? LatencyMilliseconds = null,
    string? ErrorCategory = null)
{
    /// <summary>Status of a trial that trained and was scored.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Status of a trial that could not be trained.</summary>
    public const string Failed = "Failed";

    /// <summary>A failed summary for a trial whose activity gave up.</summary>
    public static TrialSummary FailedTrial(TrialTicket ticket, string error, string category) =>
        new(ticket.TrialId, ticket.Architecture, ticket.Epochs, ticket.DataFraction, Failed, null, null, null, null, error, ErrorCategory: category);
}

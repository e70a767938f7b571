namespace NasFunctions.Orchestration.Contracts;

/// <summary>The orchestration's custom status: where the search is and the best trial so far (well under 16 KB).</summary>
/// <param name="Phase">proposing, training, learning, canceling, completed, failed, canceled.</param>
/// <param name="Round">The current round (0-based).</param>
/// <param name="Rounds">Rounds planned by the budget.</param>
/// <param name="TrialsDone">Trials finished (succeeded or failed) so far.</param>
/// <param name="TrialsFailed">Trials that failed so far.</param>
/// <param name="TrialsPlanned">Trials the budget allows in all.</param>
/// <param name="RoundTrials">Trials in the current round.</param>
/// <param name="RoundTrialsDone">Trials of the current round finished so far.</param>
/// <param name="BestTrialId">The best trial so far by validation accuracy.</param>
/// <param name="BestArchitecture">Its architecture.</param>
/// <param name="BestValidationAccuracy">Its validation accuracy in [0, 1].</param>
public sealed record SearchProgress(
    string Phase,
    int Round,
    int Rounds,
    int TrialsDone,
    int TrialsFailed,
    int TrialsPlanned,
    int RoundTrials,
    int RoundTrialsDone,
    string? BestTrialId,
    string? BestArchitecture,
    double? BestValidationAccuracy)
{
    /// <summary>Phase while trials train.</summary>
    public const string Training = "training";

    /// <summary>Phase once the search is over.</summary>
    public const string Completed = "completed";

    /// <summary>Phase once the search has failed (too many failed trials).</summary>
    public const string Failed = "failed";

    /// <summary>Phase after a cancel: running trials finish (or stop), no new one starts.</summary>
    public const string Canceling = "canceling";

    /// <summary>Phase once the search was canceled.</summary>
    public const string Canceled = "canceled";
}

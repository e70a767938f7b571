namespace NasFunctions.Orchestration.Contracts;

/// <summary>The orchestration's output: how the search ended and its best trial.</summary>
/// <param name="SearchId">The search.</param>
/// <param name="Status">Completed, Failed (see <paramref name="Error"/>), or Canceled.</param>
/// <param name="Rounds">Rounds run.</param>
/// <param name="TrialsDone">Trials finished.</param>
/// <param name="TrialsFailed">Trials that failed.</param>
/// <param name="BestTrialId">The best trial by validation accuracy; null when none succeeded.</param>
/// <param name="BestArchitecture">Its architecture.</param>
/// <param name="BestValidationAccuracy">Its validation accuracy in [0, 1].</param>
/// <param name="BestTestAccuracy">Its test accuracy in [0, 1] (reported, never used for selection).</param>
/// <param name="Error">Why the search failed, one short sentence; null unless it did.</param>
/// <param name="StoppedBy">What ended it, one of <see cref="StopReasons"/>.</param>
public sealed record SearchOutcome(
    string SearchId,
    string Status,
    int Rounds,
    int TrialsDone,
    int TrialsFailed,
    string? BestTrialId,
    string? BestArchitecture,
    double? BestValidationAccuracy,
    double? BestTestAccuracy,
    string? Error = null,
    string? StoppedBy = null);

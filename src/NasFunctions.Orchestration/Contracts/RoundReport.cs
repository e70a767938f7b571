namespace NasFunctions.Orchestration.Contracts;

/// <summary>What UpdateController returns: progress so far and, when the search is over, its outcome.</summary>
/// <param name="Progress">Progress after the round.</param>
/// <param name="Outcome">The search's outcome when it has finished; null while more rounds follow.</param>
public sealed record RoundReport(SearchProgress Progress, SearchOutcome? Outcome);

namespace NasFunctions.Orchestration.Contracts;

/// <summary>The input of UpdateController: a round's trial summaries, after fan-in.</summary>
public sealed record RoundResults(string SearchId, int Round, IReadOnlyList<TrialSummary> Trials);

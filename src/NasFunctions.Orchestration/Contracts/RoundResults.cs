namespace NasFunctions.Orchestration.Contracts;

/// <summary>The input of UpdateController: a round's trial summaries, after fan-in.</summary>
/// <param name="SearchId">The search.</param>
/// <param name="Round">The round.</param>
/// <param name="Trials">Its trials' summaries, ordered by trial id.</param>
/// <param name="ElapsedSeconds">Seconds the search has run at the round's end (orchestration time, earlier runs included).</param>
/// <param name="BudgetStop">The limit that kept the round from starting all its trials (see <see cref="BudgetCheck.Spent"/>); null when none did.</param>
public sealed record RoundResults(
    string SearchId, int Round, IReadOnlyList<TrialSummary> Trials, double ElapsedSeconds = 0, string? BudgetStop = null);

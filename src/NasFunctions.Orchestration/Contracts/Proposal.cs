namespace NasFunctions.Orchestration.Contracts;

/// <summary>What ProposeCandidates returns: the round's trials and how many may train at once.</summary>
/// <param name="Trials">The candidates to train this round; empty when the search has nothing left to do.</param>
/// <param name="MaxParallelTrials">At most this many TrainCandidate activities run at once.</param>
/// <param name="Progress">Progress to show while the round trains.</param>
/// <param name="Policy">How long each trial may train and how it is retried; null means <see cref="TrialPolicy.Default"/>.</param>
/// <param name="Budget">The wall-clock and compute limits checked before each trial; null means <see cref="BudgetCheck.None"/>.</param>
public sealed record Proposal(
    IReadOnlyList<TrialTicket> Trials, int MaxParallelTrials, SearchProgress Progress, TrialPolicy? Policy = null, BudgetCheck? Budget = null);

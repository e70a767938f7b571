namespace NasFunctions.Orchestration.Spec;

/// <summary>How much a search may spend.</summary>
/// <param name="Rounds">Rounds of propose, train, learn (default 3).</param>
/// <param name="CandidatesPerRound">Candidates proposed each round (default 4).</param>
/// <param name="MaxTrials">Trials in all; defaults to rounds times candidates per round.</param>
/// <param name="MaxParallelTrials">At most this many trials train at once (default 4).</param>
/// <param name="MaxFailedTrials">
/// The search ends as Failed once more trials than this have failed, 0 to 1,000,000; null (default) means half of
/// <paramref name="MaxTrials"/>, rounded up (see <see cref="FailedTrialCap"/>). A search whose every trial failed is Failed too.
/// </param>
/// <param name="MaxWallClock">
/// How long the search may run (time it ran before a resume included): no trial starts once it has passed, and the
/// search completes when its running trials end; null (default) means no limit.
/// </param>
/// <param name="MaxComputeSeconds">
/// Training seconds the search may spend, summed over its finished trials: no trial starts once they reach it; null
/// (default) means no limit.
/// </param>
public sealed record SearchBudget(
    int Rounds,
    int CandidatesPerRound,
    int MaxTrials,
    int MaxParallelTrials,
    int? MaxFailedTrials = null,
    TimeSpan? MaxWallClock = null,
    double? MaxComputeSeconds = null)
{
    /// <summary>The failed trials the search tolerates: <see cref="MaxFailedTrials"/>, or half of <see cref="MaxTrials"/> rounded up.</summary>
    public int FailedTrialCap => MaxFailedTrials ?? DefaultFailedTrialCap(MaxTrials);

    /// <summary>Half of <paramref name="maxTrials"/>, rounded up.</summary>
    public static int DefaultFailedTrialCap(int maxTrials) => (maxTrials + 1) / 2;

    /// <summary>3 rounds of 4 candidates, 4 at once.</summary>
    public static SearchBudget Default { get; } = new(3, 4, 12, 4);
}

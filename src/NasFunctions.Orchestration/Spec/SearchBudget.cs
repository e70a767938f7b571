namespace NasFunctions.Orchestration.Spec;

/// <summary>How much a search may spend.</summary>
/// <param name="Rounds">Rounds of propose, train, learn (default 3).</param>
/// <param name="CandidatesPerRound">Candidates proposed each round (default 4).</param>
/// <param name="MaxTrials">Trials in all; defaults to rounds times candidates per round.</param>
/// <param name="MaxParallelTrials">At most this many trials train at once (default 4).</param>
public sealed record SearchBudget(int Rounds, int CandidatesPerRound, int MaxTrials, int MaxParallelTrials)
{
    /// <summary>3 rounds of 4 candidates, 4 at once.</summary>
    public static SearchBudget Default { get; } = new(3, 4, 12, 4);
}

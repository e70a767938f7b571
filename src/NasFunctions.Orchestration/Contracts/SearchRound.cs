namespace NasFunctions.Orchestration.Contracts;

/// <summary>The orchestrator's input: which search, which round this execution runs, and how long the search has run.</summary>
/// <param name="SearchId">The search.</param>
/// <param name="Round">The round this execution runs (0-based).</param>
/// <param name="StartedAt">When this run of the search began (orchestration time); null until its first execution sets it.</param>
/// <param name="ElapsedBeforeSeconds">Seconds the search ran before this run (earlier runs, when it was resumed).</param>
public sealed record SearchRound(string SearchId, int Round, DateTime? StartedAt = null, double ElapsedBeforeSeconds = 0)
{
    /// <summary>Seconds the search has run at <paramref name="now"/> (orchestration time), earlier runs included.</summary>
    public double ElapsedSeconds(DateTime now) =>
        ElapsedBeforeSeconds + (StartedAt is { } started ? Math.Max(0, (now - started).TotalSeconds) : 0);
}

namespace NasFunctions.Orchestration.Contracts;

/// <summary>The budget's wall-clock and compute limits as the orchestrator checks them before each trial (numbers only, replay-safe).</summary>
/// <param name="MaxWallClockSeconds">Seconds the search may run; null for no limit.</param>
/// <param name="MaxComputeSeconds">Training seconds the search may spend; null for no limit.</param>
/// <param name="ComputeSecondsSpent">Training seconds its trials of earlier rounds (and earlier attempts of this one) spent.</param>
public sealed record BudgetCheck(double? MaxWallClockSeconds, double? MaxComputeSeconds, double ComputeSecondsSpent)
{
    /// <summary>No limit but the trial count.</summary>
    public static BudgetCheck None { get; } = new(null, null, 0);

    /// <summary>The limit that is spent (<see cref="StopReasons.MaxWallClock"/> or <see cref="StopReasons.MaxComputeSeconds"/>), or null while both allow another trial.</summary>
    /// <param name="elapsedSeconds">Seconds the search has run.</param>
    /// <param name="computeSeconds">Training seconds spent in all (<see cref="ComputeSecondsSpent"/> included).</param>
    public string? Spent(double elapsedSeconds, double computeSeconds) =>
        MaxWallClockSeconds is { } wall && elapsedSeconds >= wall ? StopReasons.MaxWallClock
        : MaxComputeSeconds is { } compute && computeSeconds >= compute ? StopReasons.MaxComputeSeconds
        : null;
}

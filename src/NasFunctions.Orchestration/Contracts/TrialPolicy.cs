using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Contracts;

/// <summary>The spec's timeout and retry policy for trials, as the orchestrator needs them (numbers only, replay-safe).</summary>
/// <param name="TimeoutSeconds">Seconds one attempt of a trial may train before a durable timer stops it.</param>
/// <param name="Attempts">Attempts in all after transient faults, the first included.</param>
/// <param name="BackoffSeconds">Seconds before the first retry, doubled before each next one.</param>
public sealed record TrialPolicy(double TimeoutSeconds, int Attempts, double BackoffSeconds)
{
    /// <summary>The policy of a spec that names none.</summary>
    public static TrialPolicy Default { get; } = From(TrainingSpec.Default);

    /// <summary>The policy a spec's training section asks for.</summary>
    public static TrialPolicy From(TrainingSpec training) =>
        new(training.TrialTimeout.TotalSeconds, training.TrialRetry.Attempts, training.TrialRetry.Backoff.TotalSeconds);

    /// <summary>
    /// When the orchestrator's durable timer gives up on an attempt, counted from when it was scheduled: the timeout plus a
    /// grace of 5 s and a tenth of the timeout. The training's own deadline (counted from its start) normally stops it
    /// first; the timer is the backstop for one that cannot notice (a stuck native call, a lost worker) and covers queueing.
    /// </summary>
    public TimeSpan TimerDelay => TimeSpan.FromSeconds(TimeoutSeconds * 1.1 + 5);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    public TimeSpan BackoffBefore(int retry) => TimeSpan.FromSeconds(BackoffSeconds * Math.Pow(2, retry - 1));
}

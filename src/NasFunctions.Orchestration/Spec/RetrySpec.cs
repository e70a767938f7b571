namespace NasFunctions.Orchestration.Spec;

/// <summary>How a trial is retried after a transient fault: <c>"training": { "retry": { "attempts": 3, "backoff": 5 } }</c>.</summary>
/// <remarks>
/// Only transient faults are retried (storage or transport errors that outlasted the in-place storage retries, native
/// errors that may pass); deterministic ones (bad data, out of memory, divergence, a timeout) fail the trial at once.
/// </remarks>
/// <param name="Attempts">Attempts in all, the first included, 1 to 10 (default 3; 1 never retries).</param>
/// <param name="Backoff">Wait before the first retry, doubled before each next one; 0 to 1 hour, seconds or a TimeSpan string (default 5 s).</param>
public sealed record RetrySpec(int Attempts, TimeSpan Backoff)
{
    /// <summary>Most attempts a spec may ask for.</summary>
    public const int MostAttempts = 10;

    /// <summary>Longest backoff a spec may ask for.</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);

    /// <summary>3 attempts, 5 s before the first retry, 10 s before the second.</summary>
    public static RetrySpec Default { get; } = new(3, TimeSpan.FromSeconds(5));
}

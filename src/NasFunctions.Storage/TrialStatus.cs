namespace NasFunctions.Storage;

/// <summary>The values <see cref="TrialRecord.Status"/> may take.</summary>
public static class TrialStatus
{
    /// <summary>Training has started (or is being retried).</summary>
    public const string Running = "Running";

    /// <summary>Trained and measured.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Training failed (see <see cref="TrialRecord.Error"/>).</summary>
    public const string Failed = "Failed";

    /// <summary>Stopped early by the strategy (e.g. not promoted by successive halving).</summary>
    public const string Pruned = "Pruned";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Running, Succeeded, Failed, Pruned];

    /// <summary>Whether <paramref name="status"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}

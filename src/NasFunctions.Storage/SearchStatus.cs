namespace NasFunctions.Storage;

/// <summary>The values <see cref="SearchRecord.Status"/> may take.</summary>
public static class SearchStatus
{
    /// <summary>Accepted, not yet started.</summary>
    public const string Pending = "Pending";

    /// <summary>Rounds are being run.</summary>
    public const string Running = "Running";

    /// <summary>Budget spent or strategy done; the report is written.</summary>
    public const string Completed = "Completed";

    /// <summary>Stopped by an error (see <see cref="SearchRecord.Error"/>).</summary>
    public const string Failed = "Failed";

    /// <summary>Stopped by the user.</summary>
    public const string Canceled = "Canceled";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Running, Completed, Failed, Canceled];

    /// <summary>Whether <paramref name="status"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}

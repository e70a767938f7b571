namespace NasFunctions.Storage;

/// <summary>The values <see cref="TrialRecord.ErrorCategory"/> may take: what kind of fault failed a trial.</summary>
public static class TrialErrorCategory
{
    /// <summary>The loss (or a measured metric) became NaN or infinite.</summary>
    public const string Diverged = "diverged";

    /// <summary>An allocation failed (host or device memory).</summary>
    public const string OutOfMemory = "out-of-memory";

    /// <summary>The trial ran past the spec's <c>training.timeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The data set or a checkpoint could not be read or does not suit the trial.</summary>
    public const string Data = "data";

    /// <summary>Any other fault, including transient ones that outlasted their retries.</summary>
    public const string Internal = "internal";

    /// <summary>Stopped by a terminate request.</summary>
    public const string Canceled = "canceled";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Diverged, OutOfMemory, Timeout, Data, Internal, Canceled];
}

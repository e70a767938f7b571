using System.Globalization;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>The short public sentences a failed trial's row shows, one per kind of fault (the full detail goes to the host log).</summary>
public static class TrialErrors
{
    /// <summary>The loss, or a measured metric, was NaN or infinite.</summary>
    public const string Diverged = "Training diverged: the loss became NaN or infinite.";

    /// <summary>An allocation failed.</summary>
    public const string OutOfMemory = "Training ran out of memory; a smaller network or batch size may fit.";

    /// <summary>The data set or a checkpoint could not be read.</summary>
    public const string Data = "The trial's data could not be read or does not suit it; see the host log.";

    /// <summary>Any other fault.</summary>
    public const string Internal = "The trial failed with an internal error; see the host log.";

    /// <summary>A terminate request stopped the trial.</summary>
    public const string Canceled = "The search was terminated while this trial trained.";

    /// <summary>The trial ran past its timeout.</summary>
    public static string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"The trial ran past its timeout of {timeout.TotalSeconds:0.###} s and was stopped.");

    /// <summary>Transient faults outlasted every attempt.</summary>
    public static string GaveUp(int attempts) =>
        string.Create(CultureInfo.InvariantCulture, $"The trial failed {attempts} time(s) with transient errors; see the host log.");
}

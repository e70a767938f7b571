using System.Globalization;

namespace NasFunctions.Orchestration.Activities;

/// <summary>When failed trials end a search as Failed: more of them than the budget's cap, or every trial of a finished search.</summary>
internal static class FailedTrialRule
{
    /// <summary>The reason the search fails, or null when it goes on (or completes).</summary>
    /// <param name="failed">Trials failed so far.</param>
    /// <param name="finished">Trials finished so far (succeeded or failed).</param>
    /// <param name="cap">The budget's <c>maxFailedTrials</c>.</param>
    /// <param name="searchOver">True when the search would end now anyway (budget spent, strategy done).</param>
    public static string? Verdict(int failed, int finished, int cap, bool searchOver)
    {
        if (failed > cap)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{failed} trials failed, more than the budget's maxFailedTrials ({cap}).");
        }

        return searchOver && finished > 0 && failed == finished ? "Every trial failed." : null;
    }
}

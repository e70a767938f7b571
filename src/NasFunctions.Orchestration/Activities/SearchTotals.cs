using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>A search's totals recomputed from its Trials rows (the source of truth): finished, failed, best, training seconds.</summary>
internal sealed record SearchTotals(int Finished, int Failed, TrialRecord? Best, double ComputeSeconds)
{
    /// <summary>The totals of these trial rows.</summary>
    public static SearchTotals Of(IReadOnlyList<TrialRecord> trials)
    {
        var finished = trials.Where(t => t.Status is TrialStatus.Succeeded or TrialStatus.Failed).ToList();
        var best = trials
            .Where(t => t is { Status: TrialStatus.Succeeded, ValidationAccuracy: not null })
            .OrderByDescending(t => t.ValidationAccuracy)
            .ThenBy(t => t.TrialId, StringComparer.Ordinal)
            .FirstOrDefault();
        return new SearchTotals(
            finished.Count, finished.Count(t => t.Status == TrialStatus.Failed), best, trials.Sum(t => t.TrainSeconds ?? 0));
    }

    /// <summary>The row with these totals written in.</summary>
    public SearchRecord ApplyTo(SearchRecord search) => search with
    {
        TrialsDone = Finished,
        TrialsFailed = Failed,
        BestTrialId = Best?.TrialId,
        BestArchitecture = Best?.Architecture,
        BestValidationAccuracy = Best?.ValidationAccuracy,
        BestTestAccuracy = Best?.TestAccuracy,
        ComputeSeconds = ComputeSeconds,
    };
}

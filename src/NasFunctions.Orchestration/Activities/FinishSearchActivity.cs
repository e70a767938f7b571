using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Writes the terminal Searches row of a search that ended outside UpdateController (canceled, or an activity failed) and returns its outcome.</summary>
/// <remarks>Idempotent: the totals are recomputed from the Trials table and the row is overwritten.</remarks>
public sealed class FinishSearchActivity(ISearchStore store, TimeProvider time) : TaskActivity<SearchFinish, SearchOutcome>
{
    /// <inheritdoc />
    public override async Task<SearchOutcome> RunAsync(TaskActivityContext context, SearchFinish input)
    {
        var search = await store.GetSearchAsync(input.SearchId)
            ?? throw new InvalidOperationException($"Search '{input.SearchId}' has no record.");
        var totals = SearchTotals.Of(await store.ListTrialsAsync(input.SearchId));
        await store.UpsertSearchAsync(totals.ApplyTo(search) with
        {
            Status = input.Status,
            Error = input.Error,
            StoppedBy = input.StoppedBy,
            Round = input.Round,
            WallClockSeconds = input.ElapsedSeconds,
            UpdatedAt = time.GetUtcNow(),
        });
        return new SearchOutcome(
            input.SearchId,
            input.Status,
            input.Round,
            totals.Finished,
            totals.Failed,
            totals.Best?.TrialId,
            totals.Best?.Architecture,
            totals.Best?.ValidationAccuracy,
            totals.Best?.TestAccuracy,
            input.Error,
            input.StoppedBy);
    }
}

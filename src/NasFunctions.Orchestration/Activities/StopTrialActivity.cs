using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Records a trial as failed and stop-requested (its timeout passed), so a training still running on it stops at its next batch.</summary>
/// <remarks>Idempotent: a row that already succeeded, or already says stop, is returned as it is.</remarks>
public sealed class StopTrialActivity(ISearchStore store, TimeProvider time) : TaskActivity<TrialStop, TrialSummary>
{
    /// <inheritdoc />
    public override async Task<TrialSummary> RunAsync(TaskActivityContext context, TrialStop input)
    {
        var ticket = input.Ticket;
        var row = await store.GetTrialAsync(ticket.SearchId, ticket.TrialId);
        if (row is { Status: TrialStatus.Succeeded } or { StopRequested: true })
        {
            return TrainCandidateActivity.Summarize(row);
        }

        var stopped = FailedTrialRecord.Of(row, ticket, input.Error, input.Category, time.GetUtcNow()) with { StopRequested = true };
        await store.UpsertTrialAsync(stopped);
        return TrainCandidateActivity.Summarize(stopped);
    }
}

using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration;

/// <summary>Makes a Canceled or Failed search ready to run again from its last completed round, and says where it goes on.</summary>
/// <remarks>
/// The round it goes on with is the one that was cut short (no controller state saved for it), or, for a search whose
/// round ended it as Failed, that round again (its learning is idempotent). Every trial of that round and later that did
/// not succeed is re-run: its stop flag is cleared, so a stopped or terminated trial trains again (from its last epoch
/// checkpoint), and a zombie (a row still Running with no activity left to finish it) is picked up the same way. A
/// zombie of an earlier, completed round is recorded failed, so no row says Running forever.
/// </remarks>
public sealed class SearchResumption(ISearchStore store, TimeProvider time)
{
    /// <summary>The error a zombie of a completed round is recorded with.</summary>
    public const string LostTrial = "The trial's training was lost (its host stopped) and its round had already ended.";

    /// <summary>Prepares the search for a resume and returns the orchestrator's input; the row then says Pending.</summary>
    public async Task<SearchRound> PrepareAsync(SearchRecord search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        int round = await RoundToRunAsync(search, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var trial in await store.ListTrialsAsync(search.SearchId, cancellationToken))
        {
            if (trial.Round >= round && trial.Status != TrialStatus.Succeeded && (trial.StopRequested == true || trial.Status == TrialStatus.Running))
            {
                await store.UpsertTrialAsync(trial with { StopRequested = null, UpdatedAt = now }, cancellationToken);
            }
            else if (trial.Round < round && trial.Status == TrialStatus.Running)
            {
                await store.UpsertTrialAsync(
                    trial with { Status = TrialStatus.Failed, Error = LostTrial, ErrorCategory = TrialErrorCategory.Internal, UpdatedAt = now },
                    cancellationToken);
            }
        }

        await store.UpsertSearchAsync(
            SearchTotals.Of(await store.ListTrialsAsync(search.SearchId, cancellationToken)).ApplyTo(search) with
            {
                Status = SearchStatus.Pending,
                Error = null,
                StoppedBy = null,
                TerminateRequested = null,
                CancelRequested = null,
                Round = round,
                Resumes = search.Resumes + 1,
                UpdatedAt = now,
            },
            cancellationToken);
        return new SearchRound(search.SearchId, round, null, search.WallClockSeconds);
    }

    /// <summary>The round a resume runs: the search's round when it was cut short or failed, the next one when it had finished learning.</summary>
    private async Task<int> RoundToRunAsync(SearchRecord search, CancellationToken cancellationToken)
    {
        bool learned = await store.GetControllerStateAsync(search.SearchId, search.Round, cancellationToken) is not null;
        return learned && search.Status != SearchStatus.Failed ? search.Round + 1 : search.Round;
    }
}

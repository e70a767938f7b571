using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;

namespace NasFunctions.Api;

/// <summary>The control routes: cancel (finish or terminate) and resume, and the row reconciliation they and GET share.</summary>
public sealed partial class SearchApi
{
    /// <summary>The cancel mode that lets running trials finish and starts no new one (the default).</summary>
    public const string FinishMode = "finish";

    /// <summary>The cancel mode that also stops running trials at their next batch.</summary>
    public const string TerminateMode = "terminate";

    private static readonly string[] EndedRuntimeStatuses = ["Completed", "Failed", "Terminated"];

    /// <summary>
    /// <c>POST /api/searches/{id}/cancel[?mode=finish|terminate]</c>: no new trial or round starts; with <c>terminate</c>
    /// running trainings stop at their next batch too. 202; the row says Canceled once the running trials have ended.
    /// </summary>
    public async Task<ApiResponse> CancelAsync(string id, string? mode, CancellationToken cancellationToken = default)
    {
        if (!IsId(id))
        {
            return NotFound(id);
        }

        mode = string.IsNullOrEmpty(mode) ? FinishMode : mode;
        if (mode is not (FinishMode or TerminateMode))
        {
            return ApiResponse.Problem(400, "Invalid mode", $"The cancel mode must be '{FinishMode}' (the default) or '{TerminateMode}'.");
        }

        var instance = await orchestrations.GetAsync(id, cancellationToken);
        var search = await ReconcileAsync(await store.GetSearchAsync(id, cancellationToken), instance, cancellationToken);
        if (search is null)
        {
            return NotFound(id);
        }

        if (search.Status is not (SearchStatus.Pending or SearchStatus.Running) || (instance is not null && IsEnded(instance)))
        {
            return Conflict($"Search '{id}' is {search.Status}; only a Pending or Running search can be canceled.");
        }

        if (instance is null)
        {
            return Conflict($"Search '{id}' has not started yet; try again in a few seconds.");
        }

        // The event first: the orchestration then knows of the cancel before any training stops on the row's flag, so no
        // trial starts in the place of one that stopped.
        await orchestrations.RaiseEventAsync(id, TaskNames.CancelEvent, mode, cancellationToken);
        if (mode == TerminateMode)
        {
            await store.UpsertSearchAsync(search with { TerminateRequested = true, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }

        return new ApiResponse(202, new { id, mode, status = search.Status }, new Dictionary<string, string> { ["Retry-After"] = "2" });
    }

    /// <summary>
    /// <c>POST /api/searches/{id}/resume</c>: continues a Canceled or Failed search from its last completed round with its
    /// controller state, under the same id; trials that did not succeed in the rounds it runs again are re-run. 202.
    /// </summary>
    public async Task<ApiResponse> ResumeAsync(string id, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (!IsId(id))
        {
            return NotFound(id);
        }

        var instance = await orchestrations.GetAsync(id, cancellationToken);
        var search = await ReconcileAsync(await store.GetSearchAsync(id, cancellationToken), instance, cancellationToken);
        if (search is null)
        {
            return NotFound(id);
        }

        if (search.Status is not (SearchStatus.Canceled or SearchStatus.Failed))
        {
            return Conflict($"Search '{id}' is {search.Status}; only a Canceled or Failed search can be resumed.");
        }

        if (instance is not null && !IsEnded(instance))
        {
            return Conflict($"Search '{id}' is still stopping (its orchestration is {instance.RuntimeStatus}); try again in a few seconds.");
        }

        var input = await new SearchResumption(store, time).PrepareAsync(search, cancellationToken);
        try
        {
            await orchestrations.StartAsync(TaskNames.SearchOrchestrator, id, input, cancellationToken);
        }
        catch
        {
            await store.UpsertSearchAsync(search, CancellationToken.None); // the row says what it said: nothing was resumed
            throw;
        }

        string status = $"{baseUrl.TrimEnd('/')}/api/searches/{id}";
        var headers = new Dictionary<string, string> { ["Location"] = status, ["Retry-After"] = "5" };
        return new ApiResponse(202, new { id, round = input.Round, statusQueryGetUri = status, trialsUri = $"{status}/trials" }, headers);
    }

    /// <summary>
    /// The row made to tell the truth: one that still says Pending or Running after its orchestration ended (failed,
    /// terminated, or completed while a late write overwrote the row) is corrected and written back; a row newer than the
    /// orchestration's last change (a resume just reset it) is left alone.
    /// </summary>
    private async Task<SearchRecord?> ReconcileAsync(SearchRecord? search, OrchestrationSnapshot? instance, CancellationToken cancellationToken)
    {
        if (search is not { Status: SearchStatus.Pending or SearchStatus.Running } || instance is null || !IsEnded(instance)
            || instance.LastUpdatedAt < search.UpdatedAt)
        {
            return search;
        }

        var outcome = instance.RuntimeStatus == "Completed" ? Parse<SearchOutcome>(instance.OutputJson) : null;
        if (instance.RuntimeStatus == "Completed" && outcome is null)
        {
            return search;
        }

        var corrected = instance.RuntimeStatus switch
        {
            "Completed" when outcome is not null => search with { Status = outcome.Status, Error = outcome.Error, StoppedBy = outcome.StoppedBy },
            "Terminated" => search with { Status = SearchStatus.Canceled, StoppedBy = StopReasons.Canceled },
            _ => search with
            {
                Status = SearchStatus.Failed,
                StoppedBy = StopReasons.Error,
                Error = "The search's orchestration failed; see the host's log. Resume it to go on.",
            },
        };
        corrected = corrected with { UpdatedAt = time.GetUtcNow() };
        await store.UpsertSearchAsync(corrected, cancellationToken);
        return corrected;
    }

    /// <summary>Spend against each budget limit and the estimated cost; null when the spec cannot be read.</summary>
    private async Task<SearchSpend?> SpendAsync(SearchRecord search, CancellationToken cancellationToken)
    {
        if (await store.GetSpecAsync(search.SearchId, cancellationToken) is not { } json || SearchSpecReader.Read(json, _limits).Spec is not { } spec)
        {
            return null;
        }

        // The row's wall clock is as of its last write; while the search runs, the time since then counts too.
        double wallClock = search.WallClockSeconds
            + (search.Status == SearchStatus.Running ? Math.Max(0, (time.GetUtcNow() - search.UpdatedAt).TotalSeconds) : 0);
        var budget = new BudgetSpend(
            search.StoppedBy,
            new LimitSpend(search.TrialsDone, spec.Budget.MaxTrials),
            new LimitSpend(Math.Round(wallClock, 3), spec.Budget.MaxWallClock?.TotalSeconds),
            new LimitSpend(Math.Round(search.ComputeSeconds, 3), spec.Budget.MaxComputeSeconds));
        string device = spec.Training.Device;
        var cost = new CostEstimate(device, _cost.Currency, _cost.PriceOf(device), _cost.Estimate(device, search.ComputeSeconds));
        return new SearchSpend(budget, cost);
    }

    private static bool IsEnded(OrchestrationSnapshot instance) => EndedRuntimeStatuses.Contains(instance.RuntimeStatus);

    private static ApiResponse Conflict(string detail) => ApiResponse.Problem(409, "Conflict", detail);
}

using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;

namespace NasFunctions.Orchestration;

/// <summary>One round's fan-in: its running trials raced against the search's cancel event, with the progress they make.</summary>
/// <remarks>Deterministic, like the orchestrator that owns it: it only awaits durable tasks and reads their completion.</remarks>
internal sealed class RoundFanIn(TaskOrchestrationContext context, SearchProgress progress, Task<string> cancel)
{
    private readonly List<Task<TrialSummary>> _running = [];

    /// <summary>The summaries of the trials that finished, in the order they did.</summary>
    public List<TrialSummary> Results { get; } = [];

    /// <summary>Progress so far (also the orchestration's custom status).</summary>
    public SearchProgress Progress { get; private set; } = progress;

    /// <summary>The cancel's mode (<c>finish</c> or <c>terminate</c>) once one came; null before.</summary>
    public string? CancelMode { get; private set; }

    /// <summary>True once a cancel came (also one that came after the fan-in, while the round was learned).</summary>
    public bool CancelCame => NoteCancel() is not null;

    /// <summary>Training seconds the finished trials of this round spent.</summary>
    public double ComputeSeconds => Results.Sum(r => r.TrainSeconds ?? 0);

    /// <summary>Starts counting a trial as running.</summary>
    public void Start(Task<TrialSummary> trial) => _running.Add(trial);

    /// <summary>Waits until fewer than <paramref name="maxRunning"/> trials run, or a cancel came; true when another may start.</summary>
    public async Task<bool> WaitForSlotAsync(int maxRunning)
    {
        while (NoteCancel() is null && _running.Count >= maxRunning)
        {
            await NextAsync();
        }

        return CancelMode is null;
    }

    /// <summary>Waits for every running trial: a cancel starts no new one but lets these end (a terminate stops them at their next batch).</summary>
    public async Task DrainAsync()
    {
        while (_running.Count > 0)
        {
            await NextAsync();
        }

        NoteCancel();
    }

    private async Task NextAsync()
    {
        Task[] waits = CancelMode is null ? [.. _running, cancel] : [.. _running];
        var finished = await Task.WhenAny(waits);
        if (finished == cancel)
        {
            NoteCancel();
            return;
        }

        var trial = (Task<TrialSummary>)finished;
        _running.Remove(trial);
        var summary = await trial;
        Results.Add(summary);
        Progress = Advance(Progress, summary);
        context.SetCustomStatus(Progress);
    }

    private string? NoteCancel()
    {
        if (CancelMode is null && cancel.IsCompleted)
        {
            CancelMode = cancel.IsCompletedSuccessfully && cancel.Result is { Length: > 0 } mode ? mode : "finish";
            Progress = Progress with { Phase = SearchProgress.Canceling };
            context.SetCustomStatus(Progress);
        }

        return CancelMode;
    }

    private static SearchProgress Advance(SearchProgress progress, TrialSummary summary)
    {
        bool better = summary.ValidationAccuracy is { } accuracy
            && (progress.BestValidationAccuracy is not { } best || accuracy > best);
        return progress with
        {
            TrialsDone = progress.TrialsDone + 1,
            TrialsFailed = progress.TrialsFailed + (summary.Status == TrialSummary.Failed ? 1 : 0),
            RoundTrialsDone = progress.RoundTrialsDone + 1,
            BestTrialId = better ? summary.TrialId : progress.BestTrialId,
            BestArchitecture = better ? summary.Architecture : progress.BestArchitecture,
            BestValidationAccuracy = better ? summary.ValidationAccuracy : progress.BestValidationAccuracy,
        };
    }
}

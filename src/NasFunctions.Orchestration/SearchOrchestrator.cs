using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;

namespace NasFunctions.Orchestration;

/// <summary>Runs one round of a search per execution: propose, train (bounded fan-out), learn, then continue as new.</summary>
/// <remarks>
/// Orchestrator code is replayed, so it stays deterministic and thin: no clocks, GUIDs, random numbers or I/O here.
/// Sampling, training and storage all live in activities, which exchange small records with it. Each round ends with
/// <c>ContinueAsNew</c>, so the history stays small however many rounds a search runs.
/// </remarks>
public sealed class SearchOrchestrator : TaskOrchestrator<SearchRound, SearchOutcome?>
{
    private static readonly TaskOptions ControllerRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <inheritdoc />
    public override async Task<SearchOutcome?> RunAsync(TaskOrchestrationContext context, SearchRound input)
    {
        var proposal = await context.CallActivityAsync<Proposal>(TaskNames.ProposeCandidates, input, ControllerRetry);
        var progress = proposal.Progress;
        context.SetCustomStatus(progress);

        var results = new List<TrialSummary>(proposal.Trials.Count);
        var running = new List<Task<TrialSummary>>();
        foreach (var ticket in proposal.Trials)
        {
            if (running.Count >= proposal.MaxParallelTrials)
            {
                progress = await CollectOneAsync(context, running, results, progress);
            }

            running.Add(TrialRun.RunAsync(context, ticket, proposal.Policy ?? TrialPolicy.Default));
        }

        while (running.Count > 0)
        {
            progress = await CollectOneAsync(context, running, results, progress);
        }

        var ordered = results.OrderBy(r => r.TrialId, StringComparer.Ordinal).ToList();
        var report = await context.CallActivityAsync<RoundReport>(
            TaskNames.UpdateController, new RoundResults(input.SearchId, input.Round, ordered), ControllerRetry);
        context.SetCustomStatus(report.Progress);
        if (report.Outcome is not null)
        {
            return report.Outcome;
        }

        context.ContinueAsNew(input with { Round = input.Round + 1 });
        return null;
    }

    private static async Task<SearchProgress> CollectOneAsync(
        TaskOrchestrationContext context, List<Task<TrialSummary>> running, List<TrialSummary> results, SearchProgress progress)
    {
        var finished = await Task.WhenAny(running);
        running.Remove(finished);
        var summary = await finished;
        results.Add(summary);
        progress = Advance(progress, summary);
        context.SetCustomStatus(progress);
        return progress;
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

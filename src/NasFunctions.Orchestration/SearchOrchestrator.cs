using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration;

/// <summary>Runs one round of a search per execution: propose, train (bounded fan-out), learn, then continue as new.</summary>
/// <remarks>
/// Orchestrator code is replayed, so it stays deterministic and thin: no clocks (only the orchestration's own time), GUIDs,
/// random numbers or I/O here. Sampling, training and storage all live in activities, which exchange small records with it.
/// Each round ends with <c>ContinueAsNew</c>, so the history stays small however many rounds a search runs. Before each
/// trial starts it checks the cancel event and the budget's wall clock and training seconds, so a search never exceeds a
/// limit by more than the trials already running. A canceled round is not learned: a resume runs it again, and its
/// finished trials are not trained twice. An activity that fails past its retries ends the search as Failed, with its row saying so.
/// </remarks>
public sealed class SearchOrchestrator : TaskOrchestrator<SearchRound, SearchOutcome?>
{
    private static readonly TaskOptions ControllerRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <inheritdoc />
    public override async Task<SearchOutcome?> RunAsync(TaskOrchestrationContext context, SearchRound input)
    {
        var round = input with { StartedAt = input.StartedAt ?? context.CurrentUtcDateTime };
        try
        {
            return await RunRoundAsync(context, round);
        }
        catch (TaskFailedException failure)
        {
            string error = $"The search stopped: its {failure.TaskName} step kept failing; see the host's log. Resume it to go on.";
            return await FinishAsync(context, round, SearchStatus.Failed, StopReasons.Error, error, null);
        }
    }

    private static async Task<SearchOutcome?> RunRoundAsync(TaskOrchestrationContext context, SearchRound round)
    {
        var proposal = await context.CallActivityAsync<Proposal>(TaskNames.ProposeCandidates, round, ControllerRetry);
        context.SetCustomStatus(proposal.Progress);
        var budget = proposal.Budget ?? BudgetCheck.None;
        var fanIn = new RoundFanIn(context, proposal.Progress, context.WaitForExternalEvent<string>(TaskNames.CancelEvent));
        string? budgetStop = null;
        foreach (var ticket in proposal.Trials)
        {
            if (!await fanIn.WaitForSlotAsync(proposal.MaxParallelTrials))
            {
                break;
            }

            budgetStop = budget.Spent(round.ElapsedSeconds(context.CurrentUtcDateTime), budget.ComputeSecondsSpent + fanIn.ComputeSeconds);
            if (budgetStop is not null)
            {
                break;
            }

            fanIn.Start(TrialRun.RunAsync(context, ticket, proposal.Policy ?? TrialPolicy.Default));
        }

        await fanIn.DrainAsync();
        if (fanIn.CancelMode is not null)
        {
            return await FinishAsync(context, round, SearchStatus.Canceled, StopReasons.Canceled, null, fanIn.Progress);
        }

        var ordered = fanIn.Results.OrderBy(r => r.TrialId, StringComparer.Ordinal).ToList();
        var results = new RoundResults(round.SearchId, round.Round, ordered, round.ElapsedSeconds(context.CurrentUtcDateTime), budgetStop);
        var report = await context.CallActivityAsync<RoundReport>(TaskNames.UpdateController, results, ControllerRetry);
        context.SetCustomStatus(report.Progress);
        if (report.Outcome is not null)
        {
            return report.Outcome;
        }

        if (fanIn.CancelCame)
        {
            // It came while the round was learned: the round counts, and a resume goes on with the next one.
            return await FinishAsync(context, round, SearchStatus.Canceled, StopReasons.Canceled, null, report.Progress);
        }

        context.ContinueAsNew(round with { Round = round.Round + 1 });
        return null;
    }

    private static async Task<SearchOutcome> FinishAsync(
        TaskOrchestrationContext context, SearchRound round, string status, string stoppedBy, string? error, SearchProgress? last)
    {
        var finish = new SearchFinish(round.SearchId, round.Round, status, stoppedBy, error, round.ElapsedSeconds(context.CurrentUtcDateTime));
        var outcome = await context.CallActivityAsync<SearchOutcome>(TaskNames.FinishSearch, finish, ControllerRetry);
        var progress = last ?? new SearchProgress(SearchProgress.Failed, round.Round, 0, 0, 0, 0, 0, 0, null, null, null);
        context.SetCustomStatus(progress with
        {
            Phase = status == SearchStatus.Canceled ? SearchProgress.Canceled : SearchProgress.Failed,
            TrialsDone = outcome.TrialsDone,
            TrialsFailed = outcome.TrialsFailed,
            BestTrialId = outcome.BestTrialId,
            BestArchitecture = outcome.BestArchitecture,
            BestValidationAccuracy = outcome.BestValidationAccuracy,
        });
        return outcome;
    }
}

using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration;

/// <summary>One trial as the orchestrator runs it: each attempt raced against a durable timer, transient failures retried with backoff.</summary>
/// <remarks>
/// Deterministic, like the rest of the orchestrator. TrainCandidate records a deterministic fault (bad data, out of memory,
/// divergence) as a failed trial and returns it, so only transient faults fail the activity and reach the retry here. The
/// engine never interrupts a running activity: when the timer wins, StopTrial marks the trial's row failed and
/// stop-requested, and the training, which watches its row, stops at its next batch.
/// </remarks>
internal static class TrialRun
{
    private static readonly TaskOptions StopRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <summary>Trains the trial under the policy and returns its summary; never throws for a trial's fault.</summary>
    public static async Task<TrialSummary> RunAsync(TaskOrchestrationContext context, TrialTicket ticket, TrialPolicy policy)
    {
        var timeout = TimeSpan.FromSeconds(policy.TimeoutSeconds);
        for (var attempt = 1; ; attempt++)
        {
            TrialSummary? summary;
            try
            {
                summary = await AttemptAsync(context, ticket, policy.TimerDelay);
            }
            catch (TaskFailedException) when (attempt < policy.Attempts)
            {
                await context.CreateTimer(policy.BackoffBefore(attempt), CancellationToken.None);
                continue;
            }
            catch (TaskFailedException)
            {
                return TrialSummary.FailedTrial(ticket, TrialErrors.GaveUp(attempt), TrialErrorCategory.Internal);
            }

            return summary ?? await StopAsync(context, ticket, TrialErrorCategory.Timeout, TrialErrors.TimedOut(timeout));
        }
    }

    /// <summary>One attempt: the activity's summary, or null when the timer fired first (the timer is cancelled when the activity wins).</summary>
    private static async Task<TrialSummary?> AttemptAsync(TaskOrchestrationContext context, TrialTicket ticket, TimeSpan timerDelay)
    {
        using var timerCancel = new CancellationTokenSource();
        var training = context.CallActivityAsync<TrialSummary>(TaskNames.TrainCandidate, ticket);
        var timer = context.CreateTimer(timerDelay, timerCancel.Token);
        if (await Task.WhenAny(training, timer) != training)
        {
            return null;
        }

        timerCancel.Cancel();
        return await training;
    }

    private static async Task<TrialSummary> StopAsync(TaskOrchestrationContext context, TrialTicket ticket, string category, string error)
    {
        try
        {
            return await context.CallActivityAsync<TrialSummary>(TaskNames.StopTrial, new TrialStop(ticket, category, error), StopRetry);
        }
        catch (TaskFailedException)
        {
            return TrialSummary.FailedTrial(ticket, error, category); // UpdateController records it on the row
        }
    }
}

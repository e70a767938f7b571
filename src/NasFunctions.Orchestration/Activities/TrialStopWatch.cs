using Microsoft.Extensions.Logging;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>
/// A training's stop signal: its token is cancelled when the attempt's deadline passes, when the trial's Trials row says
/// stop (StopTrial, after the orchestrator's timer won), or when the search's row says terminate.
/// </summary>
/// <remarks>The engine never interrupts a running activity, so the training checks this token between batches.</remarks>
internal sealed class TrialStopWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _done = new();
    private readonly Lock _gate = new();
    private readonly TimeSpan _timeout;
    private readonly Task _polling;
    private TrialStopReason? _reason;

    /// <summary>Starts watching: the deadline is <paramref name="timeout"/> from now; both rows are read every <paramref name="interval"/>.</summary>
    public TrialStopWatch(
        ISearchStore store, string searchId, string trialId, TimeSpan timeout, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _timeout = timeout;
        _stop = new CancellationTokenSource(timeout, time);
        _polling = PollAsync(store, searchId, trialId, interval, time, logger);
    }

    /// <summary>Cancelled when the training should stop.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Why the training was told to stop; null while it was not.</summary>
    public TrialStopReason? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason ?? (_stop.IsCancellationRequested
                    ? new TrialStopReason(TrialErrorCategory.Timeout, TrialErrors.TimedOut(_timeout), Recorded: false)
                    : null);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await _polling;
        _done.Dispose();
        _stop.Dispose();
    }

    private async Task PollAsync(ISearchStore store, string searchId, string trialId, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, _done.Token);
                if (await store.GetTrialAsync(searchId, trialId, _done.Token) is { StopRequested: true } trial)
                {
                    Stop(new TrialStopReason(trial.ErrorCategory ?? TrialErrorCategory.Timeout, trial.Error ?? TrialErrors.TimedOut(_timeout), Recorded: true));
                    return;
                }

                if (await store.GetSearchAsync(searchId, _done.Token) is { TerminateRequested: true })
                {
                    Stop(new TrialStopReason(TrialErrorCategory.Canceled, TrialErrors.Canceled, Recorded: false));
                    return;
                }
            }
            catch (OperationCanceledException) when (_done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A storage hiccup must not stop a healthy training: the next poll tries again.
                logger.LogWarning(exception, "Trial {SearchId}/{TrialId} could not read its stop signal", searchId, trialId);
            }
        }
    }

    private void Stop(TrialStopReason reason)
    {
        lock (_gate)
        {
            _reason ??= reason;
        }

        _stop.Cancel();
    }
}

/// <summary>Why a training was told to stop.</summary>
/// <param name="Category">The failure's category: timeout or canceled.</param>
/// <param name="Error">The public sentence for the trial's row.</param>
/// <param name="Recorded">True when the trial's row already says so (StopTrial wrote it), so the activity leaves it as it is.</param>
internal sealed record TrialStopReason(string Category, string Error, bool Recorded);

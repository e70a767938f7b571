namespace NasFunctions.Orchestration.Activities;

/// <summary>
/// The host's stop for every training it runs: cancelled when the host stops, so each training leaves native code at its
/// next batch before the process ends, and its activity is left unfinished for the durable backend to redeliver.
/// </summary>
/// <remarks>
/// A process that exits while a thread is inside libtorch can crash on its way out (seen as SIGSEGV on SIGTERM); a
/// training that had not finished is not a failure of its trial, so its activity reports nothing and resumes, on the next
/// start, from its last checkpoint.
/// </remarks>
public sealed class TrainingShutdown : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>Cancelled once the host stops.</summary>
    public CancellationToken Token => _stopping.Token;

    /// <summary>True once the host stops.</summary>
    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Counts a training as running until the returned handle is disposed (on the thread that trains).</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _running++;
        }

        return new Running(this);
    }

    /// <summary>Stops every training and waits, up to <paramref name="timeout"/>, until none is still running; true when none is.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        await _stopping.CancelAsync();
        lock (_gate)
        {
            if (_running == 0)
            {
                return true;
            }
        }

        try
        {
            await _idle.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Never completes: what an activity awaits once the host stopped under it, so it reports neither success nor failure.</summary>
    public Task Abandoned() => new TaskCompletionSource().Task;

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private void Leave()
    {
        lock (_gate)
        {
            if (--_running == 0 && _stopping.IsCancellationRequested)
            {
                _idle.TrySetResult();
            }
        }
    }

    private sealed class Running(TrainingShutdown owner) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}

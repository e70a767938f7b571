namespace NasFunctions.Storage.Emulator;

/// <summary>
/// Keeps a private Azurite running: when it exits while still wanted, starts it again on the same ports and data folder,
/// so the host's storage clients reconnect; when it cannot (or its data was in memory), <see cref="Failed"/> says why.
/// </summary>
public sealed class AzuriteSupervisor : IAsyncDisposable
{
    private const int MaxRestartsPerMinute = 5;
    private const int StartAttempts = 3;

    private readonly AzuriteOptions _options;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<string> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<DateTimeOffset> _restarts = new();
    private readonly int[] _ports;
    private AzuriteProcess _current;
    private Task _watch = Task.CompletedTask;

    private AzuriteSupervisor(AzuriteOptions options, AzuriteProcess first, Action<string> log, TimeProvider time)
    {
        _options = options;
        _time = time;
        _current = first;
        _log = log;
        _ports = [first.BlobPort, first.QueuePort, first.TablePort];
        ConnectionString = first.ConnectionString;
    }

    /// <summary>The connection string, the same across restarts.</summary>
    public string ConnectionString { get; }

    /// <summary>The running Azurite's process id (it changes on a restart).</summary>
    public int ProcessId => Volatile.Read(ref _current).ProcessId;

    /// <summary>How many times Azurite was started again.</summary>
    public int Restarts { get; private set; }

    /// <summary>Completes, with the reason, when Azurite died and could not be brought back; the host should stop.</summary>
    public Task<string> Failed => _failed.Task;

    /// <summary>Starts Azurite and watches it; <paramref name="log"/> hears of every exit and restart.</summary>
    public static async Task<AzuriteSupervisor> StartAsync(
        AzuriteOptions options, Action<string> log, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var first = await AzuriteProcess.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var supervisor = new AzuriteSupervisor(options, first, log, time ?? TimeProvider.System);
        supervisor._watch = Task.Run(supervisor.WatchAsync, CancellationToken.None);
        return supervisor;
    }

    /// <summary>Stops watching, then stops Azurite (SIGTERM, so it saves its data).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watch.ConfigureAwait(false);
        await Volatile.Read(ref _current).DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task WatchAsync()
    {
        var token = _stopping.Token;
        while (true)
        {
            var current = Volatile.Read(ref _current);
            try
            {
                await current.Exited.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            string exited = $"Azurite (pid {current.ProcessId}) exited with code {current.ExitCode}";
            if (_options.Location is null)
            {
                _failed.TrySetResult($"{exited}; it kept its data in memory, so the data is gone.");
                return;
            }

            if (!TakeRestart())
            {
                _failed.TrySetResult($"{exited}, its {MaxRestartsPerMinute + 1}th exit within a minute; not starting it again. Its stderr:{Environment.NewLine}{current.ErrorTail}");
                return;
            }

            _log($"{exited}; starting it again on the same ports.");
            var started = _time.GetTimestamp();
            var next = await RestartAsync(token).ConfigureAwait(false);
            await current.DisposeAsync().ConfigureAwait(false);
            if (next is null)
            {
                if (!token.IsCancellationRequested)
                {
                    _failed.TrySetResult($"{exited} and could not be started again. Its stderr:{Environment.NewLine}{current.ErrorTail}");
                }

                return;
            }

            Volatile.Write(ref _current, next);
            Restarts++;
            _log($"Azurite is back (pid {next.ProcessId}) after {_time.GetElapsedTime(started).TotalSeconds:0.0} s.");
        }
    }

    private async Task<AzuriteProcess?> RestartAsync(CancellationToken token)
    {
        for (var attempt = 1; attempt <= StartAttempts && !token.IsCancellationRequested; attempt++)
        {
            try
            {
                return await AzuriteProcess.StartAsync(_options, _ports, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
            {
                _log($"Azurite did not start again (attempt {attempt} of {StartAttempts}): {exception.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
        }

        return null;
    }

    private bool TakeRestart()
    {
        var now = _time.GetUtcNow();
        while (_restarts.Count > 0 && now - _restarts.Peek() > TimeSpan.FromMinutes(1))
        {
            _restarts.Dequeue();
        }

        _restarts.Enqueue(now);
        return _restarts.Count <= MaxRestartsPerMinute;
    }
}

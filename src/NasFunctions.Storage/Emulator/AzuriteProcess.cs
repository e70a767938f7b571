using System.Diagnostics;
using System.Globalization;

namespace NasFunctions.Storage.Emulator;

/// <summary>A private Azurite (blob, queue and table) run as a child process on free loopback ports; disposing it stops it.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan _killWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly OutputTail _stdout;
    private readonly OutputTail _stderr;
    private readonly string _watchdogScript;
    private readonly TimeSpan _shutdownTimeout;
    private readonly EventHandler _killOnExit;
    private readonly string? _location;
    private int _disposed;

    private AzuriteProcess(
        Process process, OutputTail stdout, OutputTail stderr, int[] ports, string watchdogScript, TimeSpan shutdownTimeout, string? location)
    {
        _process = process;
        _location = location;
        _stdout = stdout;
        _stderr = stderr;
        _watchdogScript = watchdogScript;
        _shutdownTimeout = shutdownTimeout;
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
        ProcessId = process.Id;
        ConnectionString = DevelopmentStorage.ConnectionString(BlobPort, QueuePort, TablePort);
        _killOnExit = (_, _) => ProcessSignals.KillTree(_process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Connection string for this instance (the emulator's well-known account, http, its three ports).</summary>
    public string ConnectionString { get; }

    /// <summary>The blob service's port on 127.0.0.1.</summary>
    public int BlobPort { get; }

    /// <summary>The queue service's port on 127.0.0.1.</summary>
    public int QueuePort { get; }

    /// <summary>The table service's port on 127.0.0.1.</summary>
    public int TablePort { get; }

    /// <summary>The Azurite process's id.</summary>
    public int ProcessId { get; }

    /// <summary>Completes when the Azurite process has exited, for whatever reason.</summary>
    public Task Exited { get; }

    /// <summary>The exit code once <see cref="Exited"/> completed; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines Azurite wrote to stderr, for error messages.</summary>
    public string ErrorTail => _stderr.ToString();

    /// <summary>Whether Azurite was started under the watchdog that stops it when this process ends, even by a kill.</summary>
    internal bool StopsWithParent { get; private init; }

    /// <summary>Starts Azurite and waits until its three ports accept connections.</summary>
    /// <exception cref="FileNotFoundException">Azurite is not installed (run <c>npm install</c> at the repo root).</exception>
    /// <exception cref="InvalidOperationException">Azurite exited during startup; the message carries its stderr.</exception>
    /// <exception cref="TimeoutException">Its ports did not open within <see cref="AzuriteOptions.StartupTimeout"/>.</exception>
    public static Task<AzuriteProcess> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, ports: null, cancellationToken);

    /// <summary>Starts Azurite on the given blob, queue and table ports (null: free ones) and waits until they accept connections.</summary>
    internal static async Task<AzuriteProcess> StartAsync(AzuriteOptions? options, int[]? ports, CancellationToken cancellationToken)
    {
        options ??= new AzuriteOptions();
        options.Validate();
        var location = options.Location is null ? null : Path.GetFullPath(options.Location);
        if (location is not null)
        {
            Directory.CreateDirectory(location);
            await AzuritePidFile.WaitForPreviousAsync(location, options.PreviousInstanceTimeout, cancellationToken).ConfigureAwait(false);
            AzuriteSnapshot.Recover(location);
        }

        for (var attempt = 1; ; attempt++)
        {
            var azurite = Launch(options, location, ports);
            try
            {
                if (await azurite.WaitUntilListeningAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false))
                {
                    azurite.DeleteWatchdogScript();
                    return azurite;
                }

                if (attempt == StartAttempts || ports is not null)
                {
                    throw azurite.ExitedError($"a port was taken {StartAttempts} times in a row");
                }
            }
            catch
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops Azurite: SIGTERM, then after the shutdown timeout a kill of its whole process tree.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        try
        {
            if (!_process.HasExited
                && !(ProcessSignals.Terminate(_process) && await ExitsWithinAsync(_shutdownTimeout).ConfigureAwait(false)))
            {
                ProcessSignals.KillTree(_process);
                await ExitsWithinAsync(_killWait).ConfigureAwait(false);
            }
        }
        finally
        {
            if (_location is not null)
            {
                AzuritePidFile.Delete(_location, ProcessId);
            }

            _process.Dispose();
            DeleteWatchdogScript();
        }
    }

    /// <summary>Closes Azurite's stdin as the end of this process would; the watchdog then stops Azurite.</summary>
    internal void SimulateParentExit() => _process.StandardInput.Close();

    private static AzuriteProcess Launch(AzuriteOptions options, string? location, int[]? fixedPorts)
    {
        var watchdogScript = AzuriteWatchdog.WriteScript();
        try
        {
            var launch = AzuriteLaunch.Find(options.ExecutablePath, watchdogScript);
            var ports = fixedPorts ?? FreeTcpPorts.Take(3);
            var info = launch.StartInfo(Arguments(ports, location, options.SkipApiVersionCheck), location ?? Path.GetTempPath());
            if (location is not null && options.SaveInterval > TimeSpan.Zero)
            {
                info.Environment[AzuriteWatchdog.SaveIntervalVariable] =
                    ((int)Math.Ceiling(options.SaveInterval.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            }

            var stdout = new OutputTail();
            var stderr = new OutputTail();
            var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => stdout.Add(e);
            process.ErrorDataReceived += (_, e) => stderr.Add(e);
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start '{info.FileName}'.");
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (location is not null)
            {
                AzuritePidFile.Write(location, process);
            }

            return new AzuriteProcess(process, stdout, stderr, ports, watchdogScript, options.ShutdownTimeout, location)
            {
                StopsWithParent = launch.Watched,
            };
        }
        catch
        {
            File.Delete(watchdogScript);
            throw;
        }
    }

    private static IEnumerable<string> Arguments(int[] ports, string? location, bool skipApiVersionCheck)
    {
        string[] common =
        [
            "--silent", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(ports[0]),
            "--queueHost", "127.0.0.1", "--queuePort", Port(ports[1]),
            "--tableHost", "127.0.0.1", "--tablePort", Port(ports[2]),
        ];
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        return [.. common, .. persistence, .. skipApiVersionCheck ? ["--skipApiVersionCheck"] : Array.Empty<string>()];
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    // True once all three ports accept connections; false when Azurite exited because a port was taken (worth a retry).
    private async Task<bool> WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await ExitsWithinAsync(_killWait).ConfigureAwait(false);
                return _stderr.Contains("EADDRINUSE") ? false : throw ExitedError($"exit code {_process.ExitCode}");
            }

            if (await AllAcceptAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Azurite (pid {ProcessId}) did not accept connections on 127.0.0.1 ports {BlobPort}, {QueuePort}, {TablePort} "
                    + $"within {timeout.TotalSeconds:0.#} s.{Details()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AllAcceptAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await FreeTcpPorts.AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return _process.HasExited;
        }
    }

    private InvalidOperationException ExitedError(string why) =>
        new($"Azurite ('{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}') stopped during startup: {why}.{Details()}");

    private string Details() =>
        $"{Environment.NewLine}Azurite stderr:{Environment.NewLine}{_stderr}{Environment.NewLine}Azurite stdout:{Environment.NewLine}{_stdout}";

    private void DeleteWatchdogScript()
    {
        try
        {
            File.Delete(_watchdogScript);
        }
        catch (IOException)
        {
            // A stray temporary file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}

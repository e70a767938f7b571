using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NasFunctions.Local.Tests;

/// <summary>The CLI's <c>nas serve</c> as a child process on shared storage, which a test can kill outright (SIGKILL).</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private ServeProcess(Process process) => _process = process;

    /// <summary>The host's address, for example <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The process id of the <c>dotnet</c> process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet nas.dll serve --port 0 --worker-id {workerId}</c> on <paramref name="storage"/> and waits for its address.</summary>
    public static Task<ServeProcess> StartAsync(string storage, string workerId, TimeSpan timeout) =>
        StartAsync(NasCli.StartInfo(
            new Dictionary<string, string> { ["NAS_STORAGE"] = storage }, "serve", "--port", "0", "--worker-id", workerId), timeout);

    /// <summary>Starts <c>dotnet nas.dll serve --port 0</c> with its own Azurite in <c>{home}/azurite</c> (NAS_HOME) and waits for its address.</summary>
    public static Task<ServeProcess> StartInHomeAsync(string home, TimeSpan timeout) => StartAsync(HomeStartInfo(home, "serve", "--port", "0"), timeout);

    /// <summary>A start of the CLI with <c>NAS_HOME</c> set to <paramref name="home"/> and no <c>NAS_STORAGE</c>.</summary>
    public static ProcessStartInfo HomeStartInfo(string home, params string[] arguments)
    {
        var start = NasCli.StartInfo(new Dictionary<string, string> { ["NAS_HOME"] = home }, arguments);
        start.Environment.Remove("NAS_STORAGE");
        return start;
    }

    /// <summary>Starts <paramref name="start"/> (a <c>nas serve</c>) and waits until it says where it listens.</summary>
    public static async Task<ServeProcess> StartAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serve = new ServeProcess(process);
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (serve._output)
            {
                serve._output.AppendLine(e.Data);
            }

            if (Listening().Match(e.Data) is { Success: true } match)
            {
                address.TrySetResult(match.Groups[1].Value);
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(address.Task, exited, Task.Delay(timeout));
        if (first != address.Task)
        {
            serve.Kill();
            throw new InvalidOperationException($"nas serve did not start listening:{Environment.NewLine}{serve.Output}");
        }

        serve.BaseUrl = await address.Task;
        return serve;
    }

    /// <summary>Kills the host process alone (SIGKILL), leaving its Azurite to the watchdog that stops it when its parent dies.</summary>
    public void KillHostOnly()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl+C would stop it.</summary>
    public void Terminate() => Terminate(_process.Id);

    /// <summary>Sends SIGTERM to process <paramref name="processId"/>.</summary>
    public static void Terminate(int processId) => SendSignal(processId, 15).ShouldBe(0);

    /// <summary>The Azurite process id the host last reported (at start, and after each restart of Azurite).</summary>
    public int? AzuriteProcessId => AzuritePid().Matches(Output) is { Count: > 0 } matches ? int.Parse(matches[^1].Groups[1].Value) : null;

    /// <summary>Kills the process and its children at once (the whole process group), as a crash or an evicted host would end.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Kill();
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"listening on (http://\S+) ")]
    private static partial Regex Listening();

    [GeneratedRegex(@"Azurite (?:is back )?\(pid (\d+)\)")]
    private static partial Regex AzuritePid();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

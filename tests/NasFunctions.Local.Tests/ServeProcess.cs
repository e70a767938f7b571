using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NasFunctions.Local.Tests;

/// <summary>The CLI's <c>nas serve</c> as a child process on shared storage, which a test can kill outright (SIGKILL).</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

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

    /// <summary>Starts <c>dotnet nas.dll serve --port 0 --worker-id {workerId}</c> on <paramref name="storage"/> and waits for its address.</summary>
    public static async Task<ServeProcess> StartAsync(string storage, string workerId, TimeSpan timeout)
    {
        var start = NasCli.StartInfo(
            new Dictionary<string, string> { ["NAS_STORAGE"] = storage }, "serve", "--port", "0", "--worker-id", workerId);
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

    /// <summary>Kills the process and its children at once, as a crash or an evicted host would end.</summary>
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
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+) ")]
    private static partial Regex Listening();
}

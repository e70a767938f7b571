using System.Diagnostics;

namespace NasFunctions.Local.Tests;

/// <summary>Starts the CLI (<c>nas.dll</c>, built beside the tests) as a child process with redirected output.</summary>
internal static class NasCli
{
    /// <summary>A start of <c>dotnet nas.dll {arguments}</c> with <paramref name="environment"/> added.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nas.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs <c>nas {arguments}</c> with <c>NAS_HOME</c> at <paramref name="home"/>; its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Output, string Errors)> RunAsync(string home, TimeSpan timeout, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(new Dictionary<string, string> { ["NAS_HOME"] = home }, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await errors);
    }
}

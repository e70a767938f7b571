using System.Diagnostics;
using System.Globalization;

namespace NasFunctions.Storage.Emulator;

/// <summary>
/// Records which Azurite uses a data folder, so that a new one waits for an earlier one to save and exit before it loads
/// the same files (two at once would overwrite each other's saves and lose acknowledged writes).
/// </summary>
internal static class AzuritePidFile
{
    private const string FileName = "azurite.pid";

    /// <summary>Writes the process id and start time of <paramref name="process"/> into <paramref name="location"/>.</summary>
    public static void Write(string location, Process process)
    {
        var path = Path.Combine(location, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, $"{process.Id} {StartTicks(process)}");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the record when it still names <paramref name="processId"/>.</summary>
    public static void Delete(string location, int processId)
    {
        var path = Path.Combine(location, FileName);
        try
        {
            if (Read(path) is { } recorded && recorded.ProcessId == processId)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // The next start reads a stale record, finds no such process and goes on.
        }
    }

    /// <summary>
    /// When an earlier Azurite still runs on <paramref name="location"/> (its host was killed and its watchdog is stopping it),
    /// asks it to stop and waits until it has exited; throws when it is still there after <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitForPreviousAsync(string location, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var previous = Running(Read(Path.Combine(location, FileName)));
        if (previous is null)
        {
            return;
        }

        ProcessSignals.Terminate(previous); // it saves its stores on SIGTERM; a second one is harmless
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await previous.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"An earlier Azurite (pid {previous.Id}) still uses '{location}' after {timeout.TotalSeconds:0} s; stop it first.");
        }
    }

    private static (int ProcessId, long StartTicks)? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (id, ticks)
                : null;
    }

    // The recorded process when it still runs; a reused process id has another start time (read with some jitter).
    private static Process? Running((int ProcessId, long StartTicks)? recorded)
    {
        if (recorded is not { } r)
        {
            return null;
        }

        try
        {
            var process = Process.GetProcessById(r.ProcessId);
            if (!process.HasExited && Math.Abs(StartTicks(process) - r.StartTicks) < TimeSpan.TicksPerSecond)
            {
                return process;
            }

            process.Dispose();
        }
        catch (ArgumentException)
        {
            // No such process.
        }
        catch (InvalidOperationException)
        {
            // It exited while we looked.
        }

        return null;
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}

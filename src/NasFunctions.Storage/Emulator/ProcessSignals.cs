using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NasFunctions.Storage.Emulator;

/// <summary>Asks a process to stop (SIGTERM on Unix) or kills it with its children.</summary>
internal static class ProcessSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM on Unix; on Windows, where there is none, kills the tree. Returns false when the process is gone.</summary>
    public static bool Terminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            KillTree(process);
            return true;
        }

        return SendSignal(process.Id, SigTerm) == 0;
    }

    /// <summary>Kills the process and its descendants; a process that already exited is fine.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we kill it.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NasFunctions.Local.Cli;

/// <summary>Sends what native code writes to standard error (libtorch's warnings) to a log file; the CLI's own messages stay on the terminal.</summary>
/// <remarks>
/// libtorch 2.10 prints a line such as "Could not initialize NNPACK! Reason: Unsupported hardware." for many convolutions on
/// CPUs without NNPACK support, which buried the progress of a search. Descriptor 2 is pointed at the log, and
/// <see cref="Console.Error"/> at a duplicate of the terminal's descriptor, so managed errors still show.
/// </remarks>
internal static class NativeErrorLog
{
    private const int WriteOnly = 0x1;
    private const int Create = 0x40;
    private const int Append = 0x400;

    /// <summary>Redirects native standard error to <c>{NasHome}/logs/native.log</c>; returns that path, or null where it cannot (not Linux).</summary>
    public static string? Redirect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var folder = Directory.CreateDirectory(System.IO.Path.Combine(NasHome.Path, "logs")).FullName;
        var path = System.IO.Path.Combine(folder, "native.log");
        var terminal = Duplicate(2);
        if (terminal < 0)
        {
            return null;
        }

        var log = Open(path, WriteOnly | Create | Append, Convert.ToInt32("644", 8));
        if (log < 0 || DuplicateTo(log, 2) < 0)
        {
            _ = Close(terminal);
            return null;
        }

        _ = Close(log);
        var stream = new FileStream(new SafeFileHandle(terminal, ownsHandle: true), FileAccess.Write, bufferSize: 1);
        Console.SetError(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
        return path;
    }

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Duplicate(int descriptor);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int DuplicateTo(int descriptor, int target);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}

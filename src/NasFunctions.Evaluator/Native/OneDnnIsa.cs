using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NasFunctions.Evaluator.Native;

/// <summary>Caps the instruction set oneDNN (libtorch's CPU convolution library) generates code for at AVX2, before it first runs.</summary>
/// <remarks>
/// On this project's AVX-512 hosts, libtorch-cpu 2.10's oneDNN kernels intermittently returned NaN input gradients for small
/// convolutions (for example 8 to 8 channels, 3x3, 16x16) on the first image training of a process: the tests saw NaN
/// validation losses in about half of the runs, and none with <c>ONEDNN_MAX_CPU_ISA=AVX2</c> or <c>SSE41</c>. oneDNN reads
/// the variable once, from the native environment (which <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not change on Linux), so it is set with libc's <c>setenv</c> when this assembly loads. A value already set
/// (<c>ONEDNN_MAX_CPU_ISA=ALL</c> restores AVX-512) is left alone.
/// </remarks>
internal static class OneDnnIsa
{
    /// <summary>The cap applied when none is set.</summary>
    public const string Cap = "AVX2";

#pragma warning disable CA2255 // A library's module initializer: oneDNN must see the cap before any torch code of ours runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var name in new[] { "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA" })
        {
            _ = SetEnvironment(name, Cap, overwrite: 0);
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}

using System.Runtime.InteropServices;
using NasFunctions.Evaluator.Models;

namespace NasFunctions.Evaluator.Tests.Native;

public sealed class OneDnnIsaTests
{
    [Fact]
    public void Loading_the_evaluator_caps_onednn_at_avx2_in_the_native_environment()
    {
        _ = typeof(ModelFactory).Assembly; // the module initializer has run once any evaluator type is used

        Marshal.PtrToStringUTF8(GetEnvironment("ONEDNN_MAX_CPU_ISA")).ShouldBeOneOf("AVX2", Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA"));
    }

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}

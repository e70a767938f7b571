using System.Diagnostics;
using System.Text.Json;

namespace NasFunctions.Benchmarks.Tests;

/// <summary>build/device-check.sh on this CUDA-less machine: it publishes, falls back to the CPU and still writes its JSON.</summary>
[Collection("TorchSharp")]
public class DeviceCheckScriptTests
{
    [Fact]
    public async Task Falls_back_to_the_cpu_and_writes_the_json()
    {
        var root = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("device-check-").FullName;
        try
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(root, "build", "device-check.sh")])
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["OUT"] = output;
            start.Environment["NAS_CHECK_STEPS"] = "2";
            start.Environment["NAS_CHECK_WARMUP"] = "1";
            start.Environment["NAS_CHECK_BATCH"] = "8";
            start.Environment["NAS_CHECK_MATMUL_REPEATS"] = "2";
            start.Environment["NAS_CHECK_THREADS"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8)); // it publishes the app: minutes on a loaded 2-core machine
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("build/device-check.sh ran past 8 minutes.");
            }

            var said = await stdout + await stderr;
            process.ExitCode.ShouldBe(0, said);
            said.ShouldContain("falling back to the CPU");
            said.ShouldContain("done on cpu");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "torchsharp.json")));
            json.RootElement.GetProperty("samples_per_s").GetDouble().ShouldBeGreaterThan(0);
            json.RootElement.GetProperty("ratio").GetDouble().ShouldBeGreaterThan(0);
            json.RootElement.GetProperty("device").GetString().ShouldBe("cpu");
            File.ReadAllText(Path.Combine(output, "summary.txt")).ShouldContain("falling back to the CPU");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NasFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (NasFunctions.sln) is not above the test's folder.");
    }
}

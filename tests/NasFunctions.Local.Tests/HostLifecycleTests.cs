using System.Diagnostics;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests;

/// <summary>
/// A host that owns its data folder alone, survives its Azurite's death, and stops in bounded time on SIGTERM even while
/// a trial trains; the trial resumes from its checkpoint at the next start.
/// </summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class HostLifecycleTests(ITestOutputHelper output)
{
    // One or two tiny CNNs, a few short epochs each, on real Fashion-MNIST.
    // Long enough that the rest of the training outlasts the host's bounded stop (up to 5 s) even on an idle machine, where an
    // epoch of this net on 5% of Fashion-MNIST takes a fraction of a second; resumed, only the epochs left are trained.
    private const int SigtermEpochs = 40;

    private static string Spec(int candidates, int epochs, string dataFraction = "0.02") => $$"""
        {
          "name": "lifecycle", "seed": 3,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [16], "batchNorm": [false], "skip": [false] },
          "budget": { "rounds": 1, "candidatesPerRound": {{candidates}}, "maxParallelTrials": 2 },
          "training": { "epochs": {{epochs}}, "dataFraction": {{dataFraction}}, "batchSize": 32, "learningRate": 0.003, "threads": 1 }
        }
        """;

    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan _stepTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_refuses_and_nas_search_uses_the_running_serve()
    {
        var home = Directory.CreateTempSubdirectory("nas-lock-").FullName;
        try
        {
            using var first = await ServeProcess.StartInHomeAsync(home, _startTimeout);

            var (secondCode, secondOutput) = await RunCliAsync(home, "serve", "--port", "0");
            output.WriteLine($"second serve: exit {secondCode}: {secondOutput.Trim()}");
            secondCode.ShouldNotBe(0);
            secondOutput.ShouldContain("in use by another nas host");
            secondOutput.ShouldContain(first.BaseUrl);

            var specFile = Path.Combine(home, "tiny.json");
            await File.WriteAllTextAsync(specFile, Spec(candidates: 1, epochs: 1));
            var (searchCode, searchOutput) = await RunCliAsync(home, "search", specFile);
            output.WriteLine($"nas search: exit {searchCode}");
            searchCode.ShouldBe(0, searchOutput);
            searchOutput.ShouldContain($"using the running nas serve at {first.BaseUrl}");
            searchOutput.ShouldContain(": completed;");

            var (statusCode, statusOutput) = await RunCliAsync(home, "status", SearchIdIn(searchOutput));
            statusCode.ShouldBe(0, statusOutput);
            statusOutput.ShouldContain("\"runtimeStatus\": \"Completed\"");
        }
        finally
        {
            await CrashSafetyTests.DeleteWhenFreeAsync(home);
        }
    }

    [Fact]
    public async Task Azurite_stopped_mid_search_is_started_again_and_the_search_completes()
    {
        var home = Directory.CreateTempSubdirectory("nas-azurite-death-").FullName;
        try
        {
            using var host = await ServeProcess.StartInHomeAsync(home, _startTimeout);
            var search = await SearchProbe.PostAsync(host.BaseUrl, Spec(candidates: 2, epochs: 3));
            await search.WaitForTrialsAsync(host, ts => ts.Any(t => t.Status == "Running" && t.EpochsDone >= 1), _stepTimeout, "a trial past its first epoch");

            int azurite = host.AzuriteProcessId!.Value;
            var clock = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(azurite))
            {
                ServeProcess.Terminate(azurite); // stopped from outside: the host must notice by itself
                process.WaitForExit(10_000).ShouldBeTrue();
            }

            while (host.AzuriteProcessId == azurite && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            output.WriteLine($"Azurite (pid {azurite}) stopped; the host had it back as pid {host.AzuriteProcessId} after {clock.Elapsed.TotalSeconds:0.0} s");
            host.AzuriteProcessId.ShouldNotBe(azurite, host.Output);

            await search.WaitForCompletionAsync(host, _stepTimeout);
            output.WriteLine($"search completed {clock.Elapsed.TotalSeconds:0.0} s after the stop");
            await search.ShouldHaveExactlyAsync(host.BaseUrl, ["r0000-c00", "r0000-c01"]);
        }
        finally
        {
            await CrashSafetyTests.DeleteWhenFreeAsync(home);
        }
    }

    [Fact]
    public async Task SIGTERM_stops_the_host_within_10_s_while_a_trial_trains_and_a_restart_resumes_it()
    {
        var home = Directory.CreateTempSubdirectory("nas-sigterm-").FullName;
        var host = await ServeProcess.StartInHomeAsync(home, _startTimeout);
        try
        {
            var search = await SearchProbe.PostAsync(host.BaseUrl, Spec(candidates: 1, epochs: SigtermEpochs, dataFraction: "0.05"));
            await search.WaitForTrialsAsync(host, ts => ts.Any(t => t.Status == "Running" && t.EpochsDone >= 1), _stepTimeout, "a trial past its first epoch");

            var clock = Stopwatch.StartNew();
            var exit = host.Exited;
            host.Terminate();
            var exited = await Task.WhenAny(exit, Task.Delay(TimeSpan.FromSeconds(30))) == exit;
            output.WriteLine($"SIGTERM mid-training: exited {exited} after {clock.Elapsed.TotalSeconds:0.0} s");
            exited.ShouldBeTrue(host.Output);
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), host.Output);
            host.ExitCode.ShouldBe(0, host.Output);

            host.Dispose();
            host = await ServeProcess.StartInHomeAsync(home, _startTimeout);
            await search.WaitForCompletionAsync(host, _stepTimeout);
            await search.ShouldHaveExactlyAsync(host.BaseUrl, ["r0000-c00"]);
            var trial = (await search.TrialsAsync(host.BaseUrl)).Single();
            output.WriteLine($"after the restart: {trial.TrialId} {trial.Status}, resumed from epoch {trial.ResumedFromEpoch}");
            trial.ResumedFromEpoch.ShouldNotBeNull("the restarted trial resumes from its checkpoint");
            trial.ResumedFromEpoch.Value.ShouldBeInRange(1, SigtermEpochs - 1, "the SIGTERM landed while the trial trained");
        }
        finally
        {
            host.Dispose();
            await CrashSafetyTests.DeleteWhenFreeAsync(home);
        }
    }

    private static async Task<(int Code, string Output)> RunCliAsync(string home, params string[] arguments)
    {
        var start = ServeProcess.HomeStartInfo(home, arguments);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string SearchIdIn(string searchOutput) =>
        System.Text.RegularExpressions.Regex.Match(searchOutput, @"search (s[0-9a-f-]+) started").Groups[1].Value;
}

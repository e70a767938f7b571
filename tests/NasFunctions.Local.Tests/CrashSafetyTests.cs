using System.Diagnostics;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests;

/// <summary>
/// The local host killed outright (SIGKILL) at the worst moments, alone or with its Azurite: each restart makes progress
/// within 30 s and the search ends with exactly its trials, each trained once to the end, with its weights.
/// </summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const int Candidates = 2;

    // Three rounds of two tiny CNNs, short epochs (a few seconds an epoch under load, a fraction of one on an idle machine), on
    // real Fashion-MNIST.
    private static string Spec(int epochs, double dataFraction) => $$"""
        {
          "name": "crash", "seed": 11, "dataset": { "name": "fashion-mnist", "validationFraction": 0.02 },
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [16], "batchNorm": [false], "skip": [false] },
          "budget": { "rounds": 3, "candidatesPerRound": 2, "maxParallelTrials": 2 },
          "training": { "epochs": {{epochs}}, "dataFraction": {{dataFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "batchSize": 32, "learningRate": 0.003, "threads": 1 }
        }
        """;

    private static readonly string[] _expectedTrials =
        [.. Enumerable.Range(0, Rounds).SelectMany(r => Enumerable.Range(0, Candidates).Select(c => $"r{r:D4}-c{c:D2}"))];
    private static readonly TimeSpan _progressLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _groupKillWindow = TimeSpan.FromMilliseconds(1000); // README: "the storage writes acknowledged in the last 1000 ms"
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan _stepTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Killing_the_host_alone_twice_mid_training_and_between_rounds_loses_nothing_and_each_restart_progresses_within_30_s()
    {
        // Twelve epochs on 5%: on an idle machine a trial seen after its first epoch could end four (on 2%) or six more before
        // the kill landed, and nothing was left to resume.
        await RunWithKillsAsync(host => host.KillHostOnly(), killRightAfterAccept: false, epochs: 12, dataFraction: 0.05, settle: TimeSpan.Zero);
    }

    [Fact]
    public async Task Killing_the_whole_process_group_right_after_the_202_mid_training_and_between_rounds_loses_nothing()
    {
        // A group kill may lose the writes of its last second (the README's window): the mid-training kill lands 1.5 s after
        // a checkpoint was seen, so that checkpoint must survive, and the between-rounds kill 1.5 s after the round's last
        // trial was seen finished; longer epochs keep the training running through the wait.
        await RunWithKillsAsync(host => host.Kill(), killRightAfterAccept: true, epochs: 6, dataFraction: 0.05, settle: _groupKillWindow + TimeSpan.FromMilliseconds(500));
    }

    private async Task RunWithKillsAsync(Action<ServeProcess> kill, bool killRightAfterAccept, int epochs, double dataFraction, TimeSpan settle)
    {
        var home = Directory.CreateTempSubdirectory("nas-crash-").FullName;
        var host = await ServeProcess.StartInHomeAsync(home, _startTimeout);
        try
        {
            var search = await SearchProbe.PostAsync(host.BaseUrl, Spec(epochs, dataFraction));
            var restarts = new List<TimeSpan>();
            if (killRightAfterAccept)
            {
                kill(host);
                output.WriteLine("kill 0: right after the 202");
                host = await RestartAndTimeAsync(host, home, search, restarts);
            }

            var training = await search.WaitForTrialsAsync(
                host, ts => ts.Any(t => t.Status == "Running" && t.EpochsDone >= 1), _stepTimeout, "a trial past its first epoch");
            await Task.Delay(settle);
            kill(host);
            output.WriteLine($"kill 1: mid-training ({string.Join(", ", training.Select(t => $"{t.TrialId} {t.Status} epoch {t.EpochsDone}"))})");
            host = await RestartAndTimeAsync(host, home, search, restarts);

            var between = await search.WaitForTrialsAsync(host, ts => BetweenRounds(ts) is not null, _stepTimeout, "a round finished, the next not begun");
            await Task.Delay(settle);
            kill(host);
            output.WriteLine($"kill 2: between rounds {BetweenRounds(between)} and {BetweenRounds(between) + 1}");
            host = await RestartAndTimeAsync(host, home, search, restarts);

            await search.WaitForCompletionAsync(host, _stepTimeout);
            await search.ShouldHaveExactlyAsync(host.BaseUrl, _expectedTrials);
            var resumed = (await search.TrialsAsync(host.BaseUrl)).Where(t => t.ResumedFromEpoch >= 1).ToList();
            output.WriteLine($"resumed from a checkpoint: {string.Join(", ", resumed.Select(t => $"{t.TrialId} (epoch {t.ResumedFromEpoch})"))}");
            resumed.ShouldNotBeEmpty("the trial killed mid-training resumes from its checkpoint");
            if (settle == TimeSpan.Zero)
            {
                // The host alone: nothing acknowledged is lost, so a trial resumes from no earlier epoch than the kill saw.
                var final = (await search.TrialsAsync(host.BaseUrl)).ToDictionary(t => t.TrialId);
                foreach (var seen in training.Where(t => t.Status == "Running"))
                {
                    (final[seen.TrialId].ResumedFromEpoch ?? int.MaxValue).ShouldBeGreaterThanOrEqualTo(
                        seen.EpochsDone, $"{seen.TrialId} was seen after epoch {seen.EpochsDone} before the kill");
                }
            }
            restarts.ShouldAllBe(t => t < _progressLimit, host.Output);
        }
        finally
        {
            host.Dispose();
            await DeleteWhenFreeAsync(home);
        }
    }

    // The round whose trials all succeeded while the next round (there is one) has no trial yet; null when there is none.
    private static int? BetweenRounds(IReadOnlyList<SearchProbe.Trial> trials)
    {
        for (int round = 0; round < Rounds - 1; round++)
        {
            bool finished = trials.Count(t => t.TrialId.StartsWith($"r{round:D4}-", StringComparison.Ordinal) && t.Status == "Succeeded") == Candidates;
            if (finished && !trials.Any(t => t.TrialId.StartsWith($"r{round + 1:D4}-", StringComparison.Ordinal)))
            {
                return round;
            }
        }

        return null;
    }

    // Starts a new host on the same data folder and times it from the start to the next trial that finishes.
    private async Task<ServeProcess> RestartAndTimeAsync(ServeProcess killed, string home, SearchProbe search, List<TimeSpan> restarts)
    {
        killed.Dispose();
        var clock = Stopwatch.StartNew();
        var host = await ServeProcess.StartInHomeAsync(home, _startTimeout);
        var listening = clock.Elapsed;
        try
        {
            var found = await search.TrialsAsync(host.BaseUrl);
            output.WriteLine($"after the restart: {string.Join(", ", found.Select(t => $"{t.TrialId} {t.Status} epoch {t.EpochsDone}"))}");
            var before = found.Where(t => t.Status == "Succeeded").Select(t => t.TrialId).ToHashSet();
            if (before.Count < _expectedTrials.Length)
            {
                await search.WaitForTrialsAsync(
                    host, ts => ts.Any(t => t.Status == "Succeeded" && !before.Contains(t.TrialId)), _stepTimeout, "the next finished trial");
            }
        }
        catch
        {
            host.Dispose(); // the caller still holds the killed one
            throw;
        }

        restarts.Add(clock.Elapsed);
        string phases = host.Output.Split('\n').LastOrDefault(l => l.Contains("Started in", StringComparison.Ordinal))?.Trim() ?? "";
        output.WriteLine($"restart {restarts.Count}: listening after {listening.TotalSeconds:0.0} s ({phases}), next trial finished {clock.Elapsed.TotalSeconds:0.0} s after the restart");
        return host;
    }

    // Azurite, left to its watchdog, may still be saving and exiting for a moment after its host was killed.
    internal static async Task DeleteWhenFreeAsync(string folder)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException)
            {
                await Task.Delay(500);
            }
        }
    }
}

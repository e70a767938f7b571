using System.Net;
using System.Text;
using System.Text.Json;
using NasFunctions.Evaluator.Training;
using NasFunctions.Storage;
using NasFunctions.Storage.Emulator;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KilledWorkerCollection
{
    public const string Name = "killed worker";
}

/// <summary>A worker process killed mid-training: the next one takes the trial over from its last epoch checkpoint.</summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class KilledWorkerTests(ITestOutputHelper output)
{
    // One architecture (two conv3x3/32 blocks), three epochs of a few seconds each on real Fashion-MNIST.
    private const string Spec = """
        {
          "name": "killed", "seed": 5,
          "space": { "kind": "macro-cnn", "minBlocks": 2, "maxBlocks": 2, "operations": ["conv3x3"], "channels": [32], "batchNorm": [true], "skip": [false] },
          "budget": { "rounds": 1, "candidatesPerRound": 1 },
          "training": { "epochs": 3, "dataFraction": 0.02, "batchSize": 32, "learningRate": 0.003, "threads": 1 }
        }
        """;

    [Fact]
    public async Task A_killed_training_resumes_on_the_next_worker_from_its_last_epoch_checkpoint()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var store = new AzureSearchStore(new StorageOptions { ConnectionString = azurite.ConnectionString });
        string id;
        int epochsAtKill;
        using (var first = await ServeProcess.StartAsync(azurite.ConnectionString, "killed-worker", TimeSpan.FromMinutes(2)))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl + "/") };
            using var accepted = await http.PostAsync("api/searches", new StringContent(Spec, Encoding.UTF8, "application/json"));
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
            id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            var trial = await PollAsync(store, id, t => t.EpochsDone >= 1, TimeSpan.FromMinutes(3), first);
            first.Kill();
            epochsAtKill = trial.EpochsDone!.Value;
            output.WriteLine($"killed the first worker after epoch {epochsAtKill} of 3");
            epochsAtKill.ShouldBeLessThan(3, "the kill should land while the trial still trains");
        }

        using var second = await ServeProcess.StartAsync(azurite.ConnectionString, "killed-worker", TimeSpan.FromMinutes(2));
        var done = await PollAsync(store, id, t => t.Status != TrialStatus.Running, TimeSpan.FromMinutes(4), second);
        output.WriteLine($"second worker: status {done.Status}, attempt {done.Attempt}, resumed from epoch {done.ResumedFromEpoch}");

        done.Status.ShouldBe(TrialStatus.Succeeded, second.Output);
        done.Attempt.ShouldBe(2);
        done.ResumedFromEpoch!.Value.ShouldBeInRange(epochsAtKill, 2);
        done.EpochsDone.ShouldBe(3);
        done.ValidationAccuracy!.Value.ShouldBeGreaterThan(0.3, "chance is 0.1");
        var checkpoint = TrainingCheckpoint.FromBytes((await store.GetTrialCheckpointAsync(id, done.TrialId))!);
        checkpoint.EpochsDone.ShouldBe(3);
    }

    private static async Task<TrialRecord> PollAsync(
        ISearchStore store, string searchId, Func<TrialRecord, bool> condition, TimeSpan timeout, ServeProcess worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var trials = await store.ListTrialsAsync(searchId);
            if (trials.Count == 1 && condition(trials[0]))
            {
                return trials[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The trial of search {searchId} did not get there in {timeout}:{Environment.NewLine}{worker.Output}");
    }
}

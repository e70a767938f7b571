using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests;

/// <summary>The orchestrator and activities together on the in-memory Durable test host (fast; the Azurite run is in the host tests).</summary>
public class SearchOrchestratorTests
{
    private const string Spec = """
        {
          "name": "unit", "seed": 3,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [8, 16, 32] },
          "budget": { "rounds": 3, "candidatesPerRound": 2, "maxParallelTrials": 1 }
        }
        """;

    [Fact]
    public async Task Runs_every_round_and_ends_with_the_best_trial()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator();
        await using var host = await StartAsync(store, evaluator);

        var outcome = await RunAsync(host, store, "s1", Spec);

        outcome.Status.ShouldBe(SearchStatus.Completed);
        outcome.Rounds.ShouldBe(3);
        outcome.TrialsDone.ShouldBe(6);
        outcome.TrialsFailed.ShouldBe(0);
        var trials = await store.ListTrialsAsync("s1");
        trials.Select(t => t.TrialId).ShouldBe(["r0000-c00", "r0000-c01", "r0001-c00", "r0001-c01", "r0002-c00", "r0002-c01"]);
        trials.ShouldAllBe(t => t.Status == TrialStatus.Succeeded && t.WeightsBlob != null);
        trials.ShouldAllBe(t => t.Parameters > 0 && t.Flops == t.Architecture.Length * 1000
            && t.LatencyMilliseconds == 0.5 && t.LatencyMillisecondsBatch64 == 0.05);
        var best = trials.MaxBy(t => t.ValidationAccuracy)!;
        outcome.BestTrialId.ShouldBe(best.TrialId);
        outcome.BestValidationAccuracy.ShouldBe(SyntheticEvaluator.Fitness(best.Architecture));
        trials.Select(t => t.Architecture).Distinct().Count().ShouldBe(6, "random search never proposes an architecture twice");
        (await store.GetSearchAsync("s1"))!.Status.ShouldBe(SearchStatus.Completed);
        store.BlobNames.ShouldContain(BlobPaths.Report("s1", "leaderboard.json"));
        store.BlobNames.ShouldContain(BlobPaths.ControllerState("s1", 2));
    }

    [Fact]
    public async Task A_trial_that_cannot_train_is_recorded_failed_and_the_search_goes_on()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator { FailOn = "maxpool" });

        var outcome = await RunAsync(host, store, "s2", Spec);

        var trials = await store.ListTrialsAsync("s2");
        int failed = trials.Count(t => t.Architecture.Contains("maxpool", StringComparison.Ordinal));
        failed.ShouldBeGreaterThan(0, "the seed should propose at least one pooling network");
        outcome.Status.ShouldBe(SearchStatus.Completed);
        outcome.TrialsFailed.ShouldBe(failed);
        trials.Where(t => t.Status == TrialStatus.Failed).ShouldAllBe(t => t.ErrorCategory == TrialErrorCategory.Internal && t.Error == TrialErrors.Internal);
        outcome.BestArchitecture!.ShouldNotContain("maxpool");
    }

    [Fact]
    public async Task A_native_error_is_retried_and_the_trial_succeeds_on_its_second_attempt()
    {
        var store = new InMemorySearchStore();
        const string Small = """
            { "seed": 3, "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16], "batchNorm": [false], "skip": [false] },
              "budget": { "rounds": 1, "candidatesPerRound": 2 } }
            """;
        await using var host = await StartAsync(store, new SyntheticEvaluator { FailOnceOn = "conv3x3/8" });

        var outcome = await RunAsync(host, store, "s3", Small);

        outcome.TrialsFailed.ShouldBe(0);
        var trials = await store.ListTrialsAsync("s3");
        trials.Count.ShouldBe(2);
        trials.ShouldAllBe(t => t.Status == TrialStatus.Succeeded);
        trials.Single(t => t.Architecture == "conv3x3/8").Attempt.ShouldBe(2);
        trials.Single(t => t.Architecture == "conv3x3/16").Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task A_training_that_crashes_after_an_epoch_resumes_from_that_epochs_checkpoint()
    {
        var store = new InMemorySearchStore();
        const string ThreeEpochs = """
            { "seed": 3, "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16], "batchNorm": [false], "skip": [false] },
              "budget": { "rounds": 1, "candidatesPerRound": 2 }, "training": { "epochs": 3 } }
            """;
        var evaluator = new SyntheticEvaluator { CrashAfterFirstEpochOn = "conv3x3/8" };
        await using var host = await StartAsync(store, evaluator);

        var outcome = await RunAsync(host, store, "s5", ThreeEpochs);

        outcome.TrialsFailed.ShouldBe(0);
        var trials = (await store.ListTrialsAsync("s5")).ToDictionary(t => t.Architecture);
        var crashed = trials["conv3x3/8"];
        (crashed.Status, crashed.Attempt, crashed.ResumedFromEpoch, crashed.EpochsDone).ShouldBe((TrialStatus.Succeeded, 2, (int?)1, (int?)3));
        evaluator.Starts.Where(s => s.Architecture == "conv3x3/8").Select(s => s.StartEpoch).Order().ShouldBe([0, 1]);
        var calm = trials["conv3x3/16"];
        (calm.Attempt, calm.ResumedFromEpoch, calm.EpochsDone).ShouldBe((1, (int?)null, (int?)3));
        (await store.GetTrialCheckpointAsync("s5", crashed.TrialId)).ShouldBe(new byte[] { 3 });
    }

    [Fact]
    public async Task Strategies_learn_each_trial_with_its_parameters_flops_and_latency()
    {
        var store = new InMemorySearchStore();
        const string WithObjectives = """
            { "seed": 5,
              "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [8, 16, 32] },
              "strategy": { "name": "random", "options": { "objectives": { "pareto": ["accuracy", "flops"] } } },
              "budget": { "rounds": 2, "candidatesPerRound": 2 } }
            """;
        await using var host = await StartAsync(store, new SyntheticEvaluator());

        await RunAsync(host, store, "s4", WithObjectives);

        var state = System.Text.Json.Nodes.JsonNode.Parse((await store.GetControllerStateAsync("s4", 1))!)!;
        var front = state["front"]!.AsArray();
        front.Count.ShouldBeGreaterThan(0);
        var trials = (await store.ListTrialsAsync("s4")).ToDictionary(t => t.TrialId);
        foreach (var point in front)
        {
            var trial = trials[point!["trialId"]!.GetValue<string>()];
            var metrics = point["metrics"]!.AsObject();
            metrics["parameters"]!.GetValue<double>().ShouldBe(trial.Parameters!.Value);
            metrics["flops"]!.GetValue<double>().ShouldBe(trial.Flops!.Value);
            metrics["latencyMs"]!.GetValue<double>().ShouldBe(trial.LatencyMilliseconds!.Value);
        }
    }

    [Fact]
    public async Task The_same_seed_proposes_the_same_trials()
    {
        var first = new InMemorySearchStore();
        var second = new InMemorySearchStore();
        await using (var host = await StartAsync(first, new SyntheticEvaluator()))
        {
            await RunAsync(host, first, "a", Spec);
        }

        await using (var host = await StartAsync(second, new SyntheticEvaluator()))
        {
            await RunAsync(host, second, "b", Spec);
        }

        (await first.ListTrialsAsync("a")).Select(t => t.Architecture)
            .ShouldBe((await second.ListTrialsAsync("b")).Select(t => t.Architecture));
    }

    internal static Task<DurableTaskTestHost> StartAsync(ISearchStore store, ITrialEvaluator evaluator) =>
        DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator(TaskNames.SearchOrchestrator, typeof(SearchOrchestrator));
                registry.AddActivity(TaskNames.ProposeCandidates, typeof(ProposeCandidatesActivity));
                registry.AddActivity(TaskNames.TrainCandidate, typeof(TrainCandidateActivity));
                registry.AddActivity(TaskNames.StopTrial, typeof(StopTrialActivity));
                registry.AddActivity(TaskNames.UpdateController, typeof(UpdateControllerActivity));
                registry.AddActivity(TaskNames.FinishSearch, typeof(FinishSearchActivity));
            },
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton(store);
                    services.AddSingleton(evaluator);
                    services.AddSingleton(new EvaluatorHostOptions { StopCheckInterval = TimeSpan.FromMilliseconds(100) });
                    services.AddNasSearch(new StorageOptions { ConnectionString = "unused" });
                },
            });

    internal static async Task<SearchOutcome> RunAsync(
        DurableTaskTestHost host, ISearchStore store, string id, string spec, TimeSpan? timeLimit = null)
    {
        await StartSearchAsync(host, store, id, spec);
        return await WaitForOutcomeAsync(host, id, timeLimit);
    }

    internal static async Task StartSearchAsync(DurableTaskTestHost host, ISearchStore store, string id, string spec)
    {
        var parsed = SearchSpecReader.Read(spec);
        parsed.Errors.ShouldBeEmpty();
        await store.PutSpecAsync(id, spec);
        await store.UpsertSearchAsync(new SearchRecord
        {
            SearchId = id,
            Name = parsed.Spec!.Name,
            Status = SearchStatus.Pending,
            Strategy = "random",
            SpaceKind = "macro-cnn",
            Dataset = "fashion-mnist",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(TaskNames.SearchOrchestrator), new SearchRound(id, 0), new StartOrchestrationOptions(id));
    }

    internal static async Task<SearchOutcome> WaitForOutcomeAsync(DurableTaskTestHost host, string id, TimeSpan? timeLimit = null)
    {
        using var timeout = new CancellationTokenSource(timeLimit ?? TimeSpan.FromMinutes(2));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        done.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        return done.ReadOutputAs<SearchOutcome>()!;
    }
}

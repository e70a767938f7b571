using System.Diagnostics;
using System.Text.Json;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;
using static NasFunctions.Orchestration.Tests.SearchOrchestratorTests;

namespace NasFunctions.Orchestration.Tests;

/// <summary>Faults inside a trial on the in-memory Durable test host: the timer race, the retry split, divergence and the failed-trial cap.</summary>
public class TrialFaultTests
{
    /// <summary>Three one-block networks (conv3x3 at 8, 16 and 32 channels), all proposed in one round.</summary>
    private const string ThreeNetworks = """
        { "seed": 3,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16, 32], "batchNorm": [false], "skip": [false] },
          "budget": { "rounds": 1, "candidatesPerRound": 3, "maxParallelTrials": 3 },
          "training": { "timeout": 2, "retry": { "attempts": 2, "backoff": 0.2 } } }
        """;

    [Fact]
    public async Task A_hung_trial_that_ignores_its_token_is_ended_by_the_durable_timer_and_its_round_goes_on()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { HangOn = "conv3x3/16", HangIgnoresToken = true };
        await using var host = await StartAsync(store, evaluator);
        try
        {
            await StartSearchAsync(host, store, "hang", ThreeNetworks);

            // The round is over (UpdateController ran) while the hung training still holds its thread.
            await WaitUntilAsync(async () => (await store.GetSearchAsync("hang"))!.TrialsDone == 3, TimeSpan.FromSeconds(30));
            var hung = (await store.ListTrialsAsync("hang")).Single(t => t.Architecture == "conv3x3/16");
            (hung.Status, hung.ErrorCategory, hung.StopRequested).ShouldBe((TrialStatus.Failed, TrialErrorCategory.Timeout, (bool?)true));
            hung.Error.ShouldBe("The trial ran past its timeout of 2 s and was stopped.");
            (await store.GetSearchAsync("hang"))!.Status.ShouldBe(SearchStatus.Completed);
        }
        finally
        {
            evaluator.Release(); // the in-memory host completes an orchestration only once its activities have returned
        }

        var outcome = await WaitForOutcomeAsync(host, "hang", TimeSpan.FromSeconds(60));
        (outcome.Status, outcome.TrialsDone, outcome.TrialsFailed).ShouldBe((SearchStatus.Completed, 3, 1));
        evaluator.Evaluated.Count(a => a == "conv3x3/16").ShouldBe(1, "a timeout is not retried");
        (await store.ListTrialsAsync("hang")).Single(t => t.Architecture == "conv3x3/16").ErrorCategory
            .ShouldBe(TrialErrorCategory.Timeout, "the released training does not overwrite the verdict");
    }

    [Fact]
    public async Task A_hung_training_notices_its_stop_through_its_token_within_seconds()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { HangOn = "conv3x3/8" };
        await using var host = await StartAsync(store, evaluator);

        var outcome = await RunAsync(host, store, "stop", ThreeNetworks, TimeSpan.FromSeconds(60));

        outcome.TrialsFailed.ShouldBe(1);
        await WaitUntilAsync(() => evaluator.Stopped.Contains("conv3x3/8"), TimeSpan.FromSeconds(10));
        var row = (await store.ListTrialsAsync("stop")).Single(t => t.Architecture == "conv3x3/8");
        (row.Status, row.ErrorCategory).ShouldBe((TrialStatus.Failed, TrialErrorCategory.Timeout), "the stopped training leaves the timeout verdict");
    }

    [Fact]
    public async Task Deterministic_faults_fail_at_once_and_transient_ones_are_retried_up_to_the_specs_attempts()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { OutOfMemoryOn = "conv3x3/8", TransientOn = "conv3x3/16", FailOnceOn = "conv3x3/32" };
        await using var host = await StartAsync(store, evaluator);

        var outcome = await RunAsync(host, store, "split", ThreeNetworks);

        var trials = (await store.ListTrialsAsync("split")).ToDictionary(t => t.Architecture);
        var oom = trials["conv3x3/8"];
        (oom.Status, oom.ErrorCategory, oom.Attempt).ShouldBe((TrialStatus.Failed, TrialErrorCategory.OutOfMemory, 1));
        evaluator.Evaluated.Count(a => a == "conv3x3/8").ShouldBe(1, "out of memory is deterministic: no retry");
        oom.Error!.Length.ShouldBeLessThan(100);
        oom.Error.ShouldNotContain("alloc_cpu");
        oom.Error.ShouldNotContain("/opt/");

        var transient = trials["conv3x3/16"];
        (transient.Status, transient.ErrorCategory, transient.Attempt).ShouldBe((TrialStatus.Failed, TrialErrorCategory.Internal, 2));
        evaluator.Evaluated.Count(a => a == "conv3x3/16").ShouldBe(2, "the spec allows 2 attempts");
        transient.Error.ShouldBe("The trial failed 2 time(s) with transient errors; see the host log.");

        var once = trials["conv3x3/32"];
        (once.Status, once.Attempt, once.ErrorCategory).ShouldBe((TrialStatus.Succeeded, 2, (string?)null));
        (outcome.Status, outcome.TrialsFailed).ShouldBe((SearchStatus.Completed, 2));
    }

    [Fact]
    public async Task A_diverged_trial_is_recorded_as_diverged_and_no_nan_reaches_a_row_the_report_or_the_outcome()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator { NaNOn = "conv3x3/16" });

        var outcome = await RunAsync(host, store, "nan", ThreeNetworks);

        var diverged = (await store.ListTrialsAsync("nan")).Single(t => t.Architecture == "conv3x3/16");
        (diverged.Status, diverged.ErrorCategory, diverged.Error).ShouldBe(
            (TrialStatus.Failed, TrialErrorCategory.Diverged, "Training diverged: the loss became NaN or infinite."));
        (diverged.ValidationAccuracy, diverged.ValidationLoss, diverged.WeightsBlob).ShouldBe(((double?)null, (double?)null, (string?)null));
        outcome.BestValidationAccuracy.ShouldNotBeNull();
        double.IsFinite(outcome.BestValidationAccuracy.Value).ShouldBeTrue();
        await using var report = (await store.OpenReportAsync("nan", "leaderboard.json"))!;
        var leaderboard = await JsonDocument.ParseAsync(report);
        leaderboard.RootElement.GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task More_failed_trials_than_the_cap_end_the_search_as_failed_with_the_reason()
    {
        var store = new InMemorySearchStore();
        const string Capped = """
            { "seed": 3,
              "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16, 32], "batchNorm": [false, true], "skip": [false] },
              "budget": { "rounds": 3, "candidatesPerRound": 2, "maxFailedTrials": 1 } }
            """;
        await using var host = await StartAsync(store, new SyntheticEvaluator { FailOn = "conv3x3" });

        var outcome = await RunAsync(host, store, "cap", Capped);

        outcome.Status.ShouldBe(SearchStatus.Failed);
        outcome.Rounds.ShouldBe(1, "the cap is checked after every round");
        outcome.Error.ShouldBe("2 trials failed, more than the budget's maxFailedTrials (1).");
        var search = (await store.GetSearchAsync("cap"))!;
        (search.Status, search.Error, search.TrialsFailed).ShouldBe((SearchStatus.Failed, outcome.Error, 2));
        (await store.ListTrialsAsync("cap")).ShouldAllBe(t => t.ErrorCategory == TrialErrorCategory.Internal && t.Error == "The trial failed with an internal error; see the host log.");
    }

    [Fact]
    public async Task A_search_whose_every_trial_failed_is_failed_not_completed()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator { FailOn = "conv3x3" });

        var outcome = await RunAsync(host, store, "all", ThreeNetworks.Replace("\"candidatesPerRound\": 3", "\"candidatesPerRound\": 3, \"maxFailedTrials\": 3", StringComparison.Ordinal));

        (outcome.Status, outcome.Error, outcome.TrialsFailed).ShouldBe((SearchStatus.Failed, "Every trial failed.", 3));
        (await store.GetSearchAsync("all"))!.Status.ShouldBe(SearchStatus.Failed);
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan limit) => WaitUntilAsync(() => Task.FromResult(condition()), limit);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(limit);
            await Task.Delay(50);
        }
    }
}

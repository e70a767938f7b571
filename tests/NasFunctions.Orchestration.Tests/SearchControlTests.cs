using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;
using Xunit.Abstractions;
using static NasFunctions.Orchestration.Tests.SearchOrchestratorTests;

namespace NasFunctions.Orchestration.Tests;

/// <summary>Cancel (finish, terminate), resume and zombie trials on the in-memory Durable test host (fast; the Azurite run is in the host tests).</summary>
public class SearchControlTests(ITestOutputHelper output)
{
    /// <summary>3 rounds of 4 candidates, 2 at once.</summary>
    private const string ThreeRounds = """
        { "seed": 7,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 3, "operations": ["conv3x3", "conv5x5", "maxpool"], "channels": [8, 16, 32, 64] },
          "budget": { "rounds": 3, "candidatesPerRound": 4, "maxParallelTrials": 2 },
          "training": { "timeout": 60 } }
        """;

    [Fact]
    public async Task A_cancel_lets_running_trials_finish_starts_no_new_one_and_a_resume_completes_the_search_without_training_twice()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { Delay = TimeSpan.FromSeconds(1) };
        await using var host = await StartAsync(store, evaluator);
        await StartSearchAsync(host, store, "c1", ThreeRounds);
        await WaitUntilAsync(async () => (await store.ListTrialsAsync("c1")).Count(t => t.Status == TrialStatus.Running) == 2, TimeSpan.FromSeconds(30));

        await host.Client.RaiseEventAsync("c1", TaskNames.CancelEvent, "finish");

        var canceled = await WaitForOutcomeAsync(host, "c1");
        (canceled.Status, canceled.StoppedBy, canceled.TrialsDone, canceled.TrialsFailed).ShouldBe((SearchStatus.Canceled, StopReasons.Canceled, 2, 0));
        var trials = await store.ListTrialsAsync("c1");
        trials.Select(t => t.TrialId).ShouldBe(["r0000-c00", "r0000-c01"], "only the two running trials ran");
        trials.ShouldAllBe(t => t.Status == TrialStatus.Succeeded, "a plain cancel lets them finish");
        var row = (await store.GetSearchAsync("c1"))!;
        (row.Status, row.StoppedBy, row.TrialsDone).ShouldBe((SearchStatus.Canceled, StopReasons.Canceled, 2));
        (await store.GetControllerStateAsync("c1", 0)).ShouldBeNull("a canceled round is not learned");

        var outcome = await ResumeAsync(host, store, "c1", expectedRound: 0);

        (outcome.Status, outcome.Rounds, outcome.TrialsDone).ShouldBe((SearchStatus.Completed, 3, 12));
        (await store.ListTrialsAsync("c1")).ShouldAllBe(t => t.Status == TrialStatus.Succeeded && t.Attempt == 1);
        evaluator.Evaluated.GroupBy(a => a).ShouldAllBe(g => g.Count() == 1, "a finished trial is never trained again");
        (await store.GetSearchAsync("c1"))!.Resumes.ShouldBe(1);
    }

    [Fact]
    public async Task A_terminate_stops_running_trainings_within_seconds_and_a_resume_trains_them_again()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { Delay = TimeSpan.FromMinutes(2) };
        await using var host = await StartAsync(store, evaluator);
        await StartSearchAsync(host, store, "t1", ThreeRounds);
        await WaitUntilAsync(async () => (await store.ListTrialsAsync("t1")).Count(t => t.Status == TrialStatus.Running) == 2, TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        await host.Client.RaiseEventAsync("t1", TaskNames.CancelEvent, "terminate"); // the event first, as the API does
        await store.UpsertSearchAsync((await store.GetSearchAsync("t1"))! with { TerminateRequested = true });
        var canceled = await WaitForOutcomeAsync(host, "t1", TimeSpan.FromSeconds(30));
        output.WriteLine($"terminate to Canceled outcome: {clock.Elapsed.TotalSeconds:F2} s");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "trainings stop at their next check, not after their two minutes");
        (canceled.Status, canceled.TrialsFailed).ShouldBe((SearchStatus.Canceled, 2));
        evaluator.Stopped.Count.ShouldBe(2);
        var stopped = await store.ListTrialsAsync("t1");
        stopped.ShouldAllBe(t => t.Status == TrialStatus.Failed && t.ErrorCategory == TrialErrorCategory.Canceled && t.StopRequested == true);

        evaluator.Delay = TimeSpan.Zero;
        var outcome = await ResumeAsync(host, store, "t1", expectedRound: 0);

        (outcome.Status, outcome.TrialsDone, outcome.TrialsFailed).ShouldBe((SearchStatus.Completed, 12, 0));
        var trials = (await store.ListTrialsAsync("t1")).ToDictionary(t => t.TrialId);
        trials["r0000-c00"].Attempt.ShouldBe(2, "the terminated trial trained again");
        trials.Values.ShouldAllBe(t => t.Status == TrialStatus.Succeeded && t.StopRequested != true);
        (await store.GetSearchAsync("t1"))!.TerminateRequested.ShouldBeNull("the resume clears the terminate");
    }

    [Fact]
    public async Task A_zombie_trial_left_running_is_re_run_on_resume_and_one_of_a_completed_round_is_recorded_failed()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { Delay = TimeSpan.FromMilliseconds(300) };
        await using var host = await StartAsync(store, evaluator);
        await StartSearchAsync(host, store, "z1", ThreeRounds);
        await WaitUntilAsync(async () => (await store.ListTrialsAsync("z1")).Any(t => t.Round == 1), TimeSpan.FromSeconds(30));
        await host.Client.RaiseEventAsync("z1", TaskNames.CancelEvent, "finish");
        var canceled = await WaitForOutcomeAsync(host, "z1");
        canceled.Status.ShouldBe(SearchStatus.Canceled);
        var row = (await store.GetSearchAsync("z1"))!;
        row.Round.ShouldBe(1);

        // A host that died mid-training leaves its row Running with no activity to finish it: one in the cut round, one in the learned round 0.
        var round0 = (await store.GetTrialAsync("z1", "r0000-c03"))!;
        await store.UpsertTrialAsync(round0 with { Status = TrialStatus.Running });
        var zombie = round0 with { TrialId = "r0001-c03", Round = 1, Architecture = "conv3x3/8", Status = TrialStatus.Running, Attempt = 1, ValidationAccuracy = null };
        await store.UpsertTrialAsync(zombie);

        var outcome = await ResumeAsync(host, store, "z1", expectedRound: 1);

        outcome.Status.ShouldBe(SearchStatus.Completed);
        var trials = (await store.ListTrialsAsync("z1")).ToDictionary(t => t.TrialId);
        trials.Values.ShouldNotContain(t => t.Status == TrialStatus.Running, "no row says Running after the search ended");
        var rerun = trials["r0001-c03"];
        (rerun.Status, rerun.Attempt).ShouldBe((TrialStatus.Succeeded, 2), "the zombie was trained again");
        rerun.Architecture.ShouldNotBe("conv3x3/8", "the re-run trains the round's own candidate");
        (trials["r0000-c03"].Status, trials["r0000-c03"].Error).ShouldBe((TrialStatus.Failed, SearchResumption.LostTrial));
    }

    [Fact]
    public async Task Resuming_a_search_failed_at_its_failed_trial_cap_runs_that_round_again_and_re_runs_its_failed_trials()
    {
        var store = new InMemorySearchStore();
        const string Capped = """
            { "seed": 3, "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16, 32], "batchNorm": [false], "skip": [false] },
              "budget": { "rounds": 1, "candidatesPerRound": 3, "maxFailedTrials": 0 } }
            """;
        await using (var failing = await StartAsync(store, new SyntheticEvaluator { FailOn = "conv3x3/16" }))
        {
            var failed = await RunAsync(failing, store, "f1", Capped);
            (failed.Status, failed.StoppedBy, failed.TrialsFailed).ShouldBe((SearchStatus.Failed, StopReasons.MaxFailedTrials, 1));
        }

        await using var host = await StartAsync(store, new SyntheticEvaluator());
        var outcome = await ResumeAsync(host, store, "f1", expectedRound: 0);

        (outcome.Status, outcome.TrialsDone, outcome.TrialsFailed).ShouldBe((SearchStatus.Completed, 3, 0));
        (await store.GetSearchAsync("f1"))!.Error.ShouldBeNull();
    }

    [Fact]
    public async Task An_activity_that_fails_past_its_retries_ends_the_search_failed_and_its_row_says_so()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator());
        await store.PutSpecAsync("e1", ThreeRounds);
        await store.UpsertSearchAsync(new SearchRecord
        {
            SearchId = "e1", Name = "error", Status = SearchStatus.Running, Strategy = "random", SpaceKind = "macro-cnn",
            Dataset = "fashion-mnist", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        });

        // Round 1 with no controller state for round 0: ProposeCandidates fails on every attempt.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(TaskNames.SearchOrchestrator), new SearchRound("e1", 1), new StartOrchestrationOptions("e1"));
        var outcome = await WaitForOutcomeAsync(host, "e1", TimeSpan.FromMinutes(2));

        (outcome.Status, outcome.StoppedBy).ShouldBe((SearchStatus.Failed, StopReasons.Error));
        var row = (await store.GetSearchAsync("e1"))!;
        (row.Status, row.StoppedBy).ShouldBe((SearchStatus.Failed, StopReasons.Error), "never Running forever");
        row.Error.ShouldBe("The search stopped: its ProposeCandidates step kept failing; see the host's log. Resume it to go on.");
    }

    private static async Task<SearchOutcome> ResumeAsync(DurableTaskTestHost host, InMemorySearchStore store, string id, int expectedRound)
    {
        var input = await new SearchResumption(store, TimeProvider.System).PrepareAsync((await store.GetSearchAsync(id))!);
        input.Round.ShouldBe(expectedRound);
        (await store.GetSearchAsync(id))!.Status.ShouldBe(SearchStatus.Pending);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(new TaskName(TaskNames.SearchOrchestrator), input, new StartOrchestrationOptions(id));
        return await WaitForOutcomeAsync(host, id);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(limit);
            await Task.Delay(50);
        }
    }
}

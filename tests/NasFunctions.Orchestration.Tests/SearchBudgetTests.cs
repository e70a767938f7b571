using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;
using Xunit.Abstractions;
using static NasFunctions.Orchestration.Tests.SearchOrchestratorTests;

namespace NasFunctions.Orchestration.Tests;

/// <summary>Each budget limit (trial count, training seconds, wall clock) stops a search at its limit, on the in-memory Durable test host.</summary>
public class SearchBudgetTests(ITestOutputHelper output)
{
    private static string Spec(string budget) => $$"""
        { "seed": 11,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 3, "operations": ["conv3x3", "conv5x5", "maxpool"], "channels": [8, 16, 32, 64] },
          "budget": {{budget}} }
        """;

    [Fact]
    public async Task The_trial_count_stops_the_search_at_max_trials()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator());

        var outcome = await RunAsync(host, store, "b-trials", Spec("""{ "rounds": 4, "candidatesPerRound": 3, "maxTrials": 5 }"""));

        (outcome.Status, outcome.StoppedBy, outcome.TrialsDone, outcome.Rounds).ShouldBe((SearchStatus.Completed, StopReasons.MaxTrials, 5, 2));
        (await store.ListTrialsAsync("b-trials")).Count.ShouldBe(5);
        (await store.GetSearchAsync("b-trials"))!.StoppedBy.ShouldBe(StopReasons.MaxTrials);
    }

    [Fact]
    public async Task The_compute_budget_starts_no_trial_once_the_finished_ones_reached_it()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator { TrainSeconds = 10 });

        // One at a time: trials start at 0, 10, 20 and 30 s spent (< 35); at 40 no more starts.
        var outcome = await RunAsync(host, store, "b-compute", Spec("""{ "rounds": 5, "candidatesPerRound": 3, "maxParallelTrials": 1, "maxComputeSeconds": 35 }"""));

        (outcome.Status, outcome.StoppedBy, outcome.TrialsDone).ShouldBe((SearchStatus.Completed, StopReasons.MaxComputeSeconds, 4));
        var row = (await store.GetSearchAsync("b-compute"))!;
        (row.ComputeSeconds, row.StoppedBy).ShouldBe((40.0, StopReasons.MaxComputeSeconds));
    }

    [Fact]
    public async Task The_compute_budget_is_exceeded_by_no_more_than_the_trials_already_running()
    {
        var store = new InMemorySearchStore();
        await using var host = await StartAsync(store, new SyntheticEvaluator { TrainSeconds = 10 });

        // Three at a time in rounds of 3: round 0 spends 30 (< 35), so round 1 starts its three before any has finished;
        // they take the search to 60, and no further trial starts. The overshoot is the running trials', never more.
        var outcome = await RunAsync(host, store, "b-parallel", Spec("""{ "rounds": 5, "candidatesPerRound": 3, "maxParallelTrials": 3, "maxComputeSeconds": 35 }"""));

        (outcome.StoppedBy, outcome.TrialsDone, outcome.Rounds).ShouldBe((StopReasons.MaxComputeSeconds, 6, 2));
    }

    [Fact]
    public async Task The_wall_clock_starts_no_trial_once_it_has_passed()
    {
        var store = new InMemorySearchStore();
        var evaluator = new SyntheticEvaluator { Delay = TimeSpan.FromMilliseconds(700) };
        await using var host = await StartAsync(store, evaluator);

        var outcome = await RunAsync(host, store, "b-wall", Spec("""{ "rounds": 10, "candidatesPerRound": 3, "maxParallelTrials": 1, "maxWallClock": "3s" }"""));

        var row = (await store.GetSearchAsync("b-wall"))!;
        output.WriteLine($"wall clock {row.WallClockSeconds:F2} s for {outcome.TrialsDone} trials of 700 ms (limit 3 s)");
        (outcome.Status, outcome.StoppedBy).ShouldBe((SearchStatus.Completed, StopReasons.MaxWallClock));
        outcome.TrialsDone.ShouldBeInRange(2, 5, "about 3 s of 700 ms trials, one at a time");
        row.WallClockSeconds.ShouldBeGreaterThanOrEqualTo(3);
        row.WallClockSeconds.ShouldBeLessThan(3 + 0.7 + 2, "at most the one running trial (and an activity's latency) past the limit");
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>
/// Activities are at-least-once: each, run again with the same input (a replay, or a host that died before its completion
/// was recorded), leaves every row and blob exactly as one run left them and returns the same answer.
/// </summary>
/// <remarks>
/// The whole store (every blob's bytes, every Searches and Trials row) is compared, under a clock that stands still; the
/// same tests run on the in-memory store and on a real Azurite.
/// </remarks>
public abstract class ActivityReplayTests
{
    private const string SearchId = "s1";
    private const string Spec = """
        {
          "seed": 5,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "conv5x5"], "channels": [8, 16, 32] },
          "strategy": { "name": "evolution", "options": { "populationSize": 4, "sampleSize": 2 } },
          "budget": { "rounds": 2, "candidatesPerRound": 3 }
        }
        """;

    private readonly SyntheticEvaluator _evaluator = new();
    private readonly StillClock _clock = new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));
    private ISearchStore? _store;
    private SearchSpecCache? _specs;

    /// <summary>The store the activities write to.</summary>
    protected abstract ISearchStore CreateStore();

    /// <summary>Every blob's name and bytes and every row's properties, as one text: equal texts mean equal stores.</summary>
    protected abstract Task<string> SnapshotAsync();

    private ISearchStore Store => _store ??= CreateStore();

    private SearchSpecCache Specs => _specs ??= new SearchSpecCache(Store);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Proposing_a_round_twice_leaves_what_proposing_it_once_left(int round)
    {
        await SeedAsync();
        for (var earlier = 0; earlier < round; earlier++)
        {
            await RunRoundAsync(earlier);
        }

        await TwiceAsync(() => ProposeAsync(round));
    }

    [Fact]
    public async Task Training_a_trial_twice_leaves_what_training_it_once_left_and_trains_once()
    {
        await SeedAsync();
        var proposal = await ProposeAsync(0);

        foreach (var ticket in proposal.Trials)
        {
            var summary = await TwiceAsync(() => TrainAsync(ticket));
            summary.Status.ShouldBe(TrialSummary.Succeeded);
        }

        _evaluator.Evaluated.Count.ShouldBe(proposal.Trials.Count, "a trial whose row says Succeeded is not trained again");
        (await Store.ListTrialsAsync(SearchId)).ShouldAllBe(t => t.Attempt == 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Updating_the_controller_twice_leaves_what_updating_it_once_left(int round)
    {
        await SeedAsync();
        for (var earlier = 0; earlier < round; earlier++)
        {
            await RunRoundAsync(earlier);
        }

        var results = await TrainRoundAsync(round);
        var report = await TwiceAsync(() => UpdateAsync(results));

        if (round == 0)
        {
            report.Outcome.ShouldBeNull();
        }
        else
        {
            report.Outcome!.Status.ShouldBe(SearchStatus.Completed);
            (await SnapshotAsync()).ShouldContain(BlobPaths.Report(SearchId, "leaderboard.json"));
        }
    }

    [Fact]
    public async Task Finishing_a_canceled_search_twice_leaves_what_finishing_it_once_left()
    {
        await SeedAsync();
        await TrainRoundAsync(0);

        var outcome = await TwiceAsync(() => new FinishSearchActivity(Store, _clock)
            .RunAsync(null!, new SearchFinish(SearchId, 0, SearchStatus.Canceled, StopReasons.Canceled, null, 12.5)));

        (outcome.Status, outcome.StoppedBy, outcome.TrialsDone).ShouldBe((SearchStatus.Canceled, StopReasons.Canceled, 3));
        var row = (await Store.GetSearchAsync(SearchId))!;
        (row.Status, row.TrialsDone, row.WallClockSeconds).ShouldBe((SearchStatus.Canceled, 3, 12.5));
    }

    [Fact]
    public async Task A_replayed_update_learns_the_round_once()
    {
        await SeedAsync();
        var results = await TrainRoundAsync(0);
        await UpdateAsync(results);
        var learnedOnce = await Store.GetControllerStateAsync(SearchId, 0);

        await UpdateAsync(results);

        var population = JsonDocument.Parse((await Store.GetControllerStateAsync(SearchId, 0))!).RootElement.GetProperty("population");
        population.GetArrayLength().ShouldBe(results.Trials.Count);
        (await Store.GetControllerStateAsync(SearchId, 0)).ShouldBe(learnedOnce);
    }

    /// <summary>Runs an activity, snapshots the store, runs it again with the same input; the store and the answer must not change.</summary>
    private async Task<T> TwiceAsync<T>(Func<Task<T>> run)
    {
        var first = await run();
        var once = await SnapshotAsync();

        var second = await run();

        (await SnapshotAsync()).ShouldBe(once);
        JsonSerializer.Serialize(second).ShouldBe(JsonSerializer.Serialize(first));
        return second;
    }

    private async Task RunRoundAsync(int round) => await UpdateAsync(await TrainRoundAsync(round));

    private async Task<RoundResults> TrainRoundAsync(int round)
    {
        var proposal = await ProposeAsync(round);
        var summaries = new List<TrialSummary>();
        foreach (var ticket in proposal.Trials)
        {
            summaries.Add(await TrainAsync(ticket));
        }

        return new RoundResults(SearchId, round, summaries);
    }

    private Task<Proposal> ProposeAsync(int round) =>
        new ProposeCandidatesActivity(Store, Specs, _clock).RunAsync(null!, new SearchRound(SearchId, round));

    private Task<TrialSummary> TrainAsync(TrialTicket ticket) =>
        new TrainCandidateActivity(Store, Specs, _evaluator, _clock, NullLogger<TrainCandidateActivity>.Instance).RunAsync(null!, ticket);

    private Task<RoundReport> UpdateAsync(RoundResults results) =>
        new UpdateControllerActivity(Store, Specs, _clock).RunAsync(null!, results);

    private async Task SeedAsync()
    {
        await Store.EnsureCreatedAsync();
        SearchSpecReader.Read(Spec).Errors.ShouldBeEmpty();
        await Store.PutSpecAsync(SearchId, Spec);
        await Store.UpsertSearchAsync(new SearchRecord
        {
            SearchId = SearchId,
            Name = "replay",
            Status = SearchStatus.Pending,
            Strategy = "evolution",
            SpaceKind = "macro-cnn",
            Dataset = "fashion-mnist",
            CreatedAt = _clock.GetUtcNow(),
            UpdatedAt = _clock.GetUtcNow(),
        });
    }

    /// <summary>A clock that always reads the same instant, so rows written at different moments compare equal.</summary>
    private sealed class StillClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

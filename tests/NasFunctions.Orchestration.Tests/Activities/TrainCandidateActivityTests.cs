using Microsoft.Extensions.Logging.Abstractions;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>A promoted trial continues from the final checkpoint of the trial it names, or fails clearly when there is none.</summary>
public sealed class TrainCandidateActivityTests
{
    private const string SearchId = "s1";
    private const string Spec = """
        { "seed": 3, "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16] } }
        """;

    private readonly InMemorySearchStore _store = new();
    private readonly SyntheticEvaluator _evaluator = new();

    [Fact]
    public async Task A_promoted_trial_continues_from_its_sources_checkpoint_and_trains_only_the_difference()
    {
        await SeedAsync();
        await _store.UpsertTrialAsync(Source("r0000-c00", "conv3x3/8", epochsDone: 3));
        await _store.PutTrialCheckpointAsync(SearchId, "r0000-c00", new byte[] { 3 });

        var summary = await RunAsync(new TrialTicket(SearchId, "r0001-c00", 1, "conv3x3/8", 9, 1, 5, ContinueFrom: "r0000-c00"));

        summary.Status.ShouldBe(TrialSummary.Succeeded);
        _evaluator.Starts.ShouldBe([("conv3x3/8", 3, true)]);
        var row = (await _store.GetTrialAsync(SearchId, "r0001-c00"))!;
        (row.ContinuedFrom, row.StartEpoch, row.EpochsDone, row.Epochs, row.ResumedFromEpoch).ShouldBe(("r0000-c00", 3, (int?)9, 9, (int?)null));
        (await _store.GetTrialCheckpointAsync(SearchId, "r0001-c00")).ShouldBe(new byte[] { 9 });
        (await _store.GetTrialCheckpointAsync(SearchId, "r0000-c00")).ShouldBe(new byte[] { 3 }, "the source's checkpoint is left as it was");
    }

    [Fact]
    public async Task A_restarted_promoted_trial_resumes_its_own_checkpoint_not_the_sources()
    {
        await SeedAsync();
        await _store.UpsertTrialAsync(Source("r0000-c00", "conv3x3/8", epochsDone: 3));
        await _store.PutTrialCheckpointAsync(SearchId, "r0000-c00", new byte[] { 3 });
        await _store.UpsertTrialAsync(Source("r0001-c00", "conv3x3/8", epochsDone: 5) with
        {
            Status = TrialStatus.Running, ContinuedFrom = "r0000-c00", StartEpoch = 3, Epochs = 9,
        });
        await _store.PutTrialCheckpointAsync(SearchId, "r0001-c00", new byte[] { 5 });

        await RunAsync(new TrialTicket(SearchId, "r0001-c00", 1, "conv3x3/8", 9, 1, 5, ContinueFrom: "r0000-c00"));

        _evaluator.Starts.ShouldBe([("conv3x3/8", 5, false)]);
        var row = (await _store.GetTrialAsync(SearchId, "r0001-c00"))!;
        (row.StartEpoch, row.ResumedFromEpoch, row.EpochsDone, row.Attempt).ShouldBe((3, (int?)5, (int?)9, 2));
    }

    [Theory]
    [InlineData(false, "conv3x3/8", "left no finished checkpoint")]
    [InlineData(true, "conv3x3/16", "trained 'conv3x3/16'")]
    public async Task A_trial_whose_source_cannot_be_continued_fails_with_the_reason(bool sourceCheckpoint, string sourceArchitecture, string reason)
    {
        await SeedAsync();
        await _store.UpsertTrialAsync(Source("r0000-c00", sourceArchitecture, epochsDone: 3));
        if (sourceCheckpoint)
        {
            await _store.PutTrialCheckpointAsync(SearchId, "r0000-c00", new byte[] { 3 });
        }

        var summary = await RunAsync(new TrialTicket(SearchId, "r0001-c00", 1, "conv3x3/8", 9, 1, 5, ContinueFrom: "r0000-c00"));

        summary.Status.ShouldBe(TrialSummary.Failed);
        summary.Error!.ShouldContain(reason);
        _evaluator.Starts.ShouldBeEmpty();
    }

    private async Task SeedAsync() => await _store.PutSpecAsync(SearchId, Spec);

    private Task<TrialSummary> RunAsync(TrialTicket ticket) =>
        new TrainCandidateActivity(_store, new SearchSpecCache(_store), _evaluator, TimeProvider.System, NullLogger<TrainCandidateActivity>.Instance)
            .RunAsync(null!, ticket);

    private static TrialRecord Source(string trialId, string architecture, int epochsDone) => new()
    {
        SearchId = SearchId,
        TrialId = trialId,
        Architecture = architecture,
        Epochs = epochsDone,
        EpochsDone = epochsDone,
        Status = TrialStatus.Succeeded,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}

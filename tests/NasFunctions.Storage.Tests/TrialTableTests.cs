namespace NasFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TrialTableTests(AzuriteFixture azurite)
{
    private readonly ISearchStore _store = azurite.Store;

    [Fact]
    public async Task A_trial_with_every_field_round_trips()
    {
        var trial = Records.FullTrial(Ids.NewSearch(), "r0002-c05");
        await _store.UpsertTrialAsync(trial);
        var read = await _store.GetTrialAsync(trial.SearchId, trial.TrialId);
        read.ShouldBe(trial);
        (read!.Flops, read.LatencyMilliseconds, read.LatencyMillisecondsBatch64).ShouldBe((9_876_543_210L, 1.5, 0.25));
        (read.Metric, read.ValidationBleu, read.ValidationWer, read.TestBleu, read.TestChrF, read.TestWer, read.TestPer)
            .ShouldBe(("bleu", (double?)21.5, (double?)80.25, (double?)19.75, (double?)48.5, (double?)82.0, (double?)31.125));
        read.DecodedExamples!.ShouldContain("HH EH L OW");
        (read.ContinuedFrom, read.StartEpoch, read.EpochsDone, read.ResumedFromEpoch, read.StoppedEarly).ShouldBe(("r0001-c04", 4, (int?)11, (int?)7, true));
    }

    [Fact]
    public async Task A_trial_with_null_metrics_round_trips()
    {
        var trial = Records.BareTrial(Ids.NewSearch(), "r0000-c00");
        await _store.UpsertTrialAsync(trial);

        var read = await _store.GetTrialAsync(trial.SearchId, trial.TrialId);
        read.ShouldBe(trial);
        read!.ValidationAccuracy.ShouldBeNull();
        read.Parameters.ShouldBeNull();
        read.WeightsBlob.ShouldBeNull();
    }

    [Fact]
    public async Task Whole_doubles_keep_their_values()
    {
        var trial = Records.FullTrial(Ids.NewSearch(), "r0000-c00") with
        {
            DataFraction = 1.0,
            ValidationAccuracy = 0.0,
            TrainSeconds = 3.0,
        };
        await _store.UpsertTrialAsync(trial);
        (await _store.GetTrialAsync(trial.SearchId, trial.TrialId)).ShouldBe(trial);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public async Task A_non_finite_number_is_refused_and_leaves_no_row(double value)
    {
        var trial = Records.FullTrial(Ids.NewSearch(), "r0000-c00") with { ValidationLoss = value };

        var refused = await Should.ThrowAsync<ArgumentException>(() => _store.UpsertTrialAsync(trial));

        refused.ParamName.ShouldBe(nameof(TrialRecord.ValidationLoss));
        (await _store.GetTrialAsync(trial.SearchId, trial.TrialId)).ShouldBeNull();
    }

    [Fact]
    public async Task Upserting_twice_keeps_one_row_with_the_new_values()
    {
        var searchId = Ids.NewSearch();
        var running = Records.BareTrial(searchId, "r0001-c03");
        await _store.UpsertTrialAsync(running);
        var done = Records.FullTrial(searchId, "r0001-c03");
        await _store.UpsertTrialAsync(done);

        (await _store.GetTrialAsync(searchId, "r0001-c03")).ShouldBe(done);
        (await _store.ListTrialsAsync(searchId)).ShouldBe([done]);
    }

    [Fact]
    public async Task Replacing_a_row_clears_fields_the_new_record_leaves_null()
    {
        var searchId = Ids.NewSearch();
        await _store.UpsertTrialAsync(Records.FullTrial(searchId, "r0000-c00"));
        var retry = Records.BareTrial(searchId, "r0000-c00");
        await _store.UpsertTrialAsync(retry);

        (await _store.GetTrialAsync(searchId, "r0000-c00")).ShouldBe(retry);
    }

    [Fact]
    public async Task List_returns_every_trial_of_the_search_and_none_of_another()
    {
        var searchId = Ids.NewSearch();
        var otherId = Ids.NewSearch();
        var trials = Enumerable.Range(0, 7).Select(i => Records.FullTrial(searchId, $"r0000-c{i:D2}")).ToList();
        foreach (var trial in trials)
        {
            await _store.UpsertTrialAsync(trial);
        }

        await _store.UpsertTrialAsync(Records.FullTrial(otherId, "r0000-c00"));

        (await _store.ListTrialsAsync(searchId)).ShouldBe(trials);
        (await _store.ListTrialsAsync(otherId)).Select(t => t.SearchId).ShouldBe([otherId]);
        (await _store.ListTrialsAsync(Ids.NewSearch())).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_id_that_prefixes_another_does_not_list_its_trials()
    {
        var searchId = Ids.NewSearch();
        await _store.UpsertTrialAsync(Records.BareTrial(searchId, "r0000-c00"));
        await _store.UpsertTrialAsync(Records.BareTrial(searchId + "x", "r0000-c00"));

        (await _store.ListTrialsAsync(searchId)).Select(t => t.SearchId).ShouldBe([searchId]);
    }

    [Fact]
    public async Task A_missing_trial_is_null()
    {
        (await _store.GetTrialAsync(Ids.NewSearch(), "r0000-c00")).ShouldBeNull();
    }
}

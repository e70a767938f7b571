namespace NasFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IdValidationTests(AzuriteFixture azurite)
{
    private readonly ISearchStore _store = azurite.Store;

    public static TheoryData<string> BadIds() =>
    [
        "", "a/b", "a#b", "a?b", "a\\b", "a\u0001b", "line\nbreak", "del\u007f", ".", "..",
        new string('a', StorageIds.MaxIdLength + 1),
    ];

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Every_operation_rejects_a_bad_search_id(string bad)
    {
        StorageIds.IsValidId(bad).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() => _store.PutSpecAsync(bad, "{}"));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetSpecAsync(bad));
        await Should.ThrowAsync<ArgumentException>(() => _store.PutControllerStateAsync(bad, 0, "{}"));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetControllerStateAsync(bad, 0));
        await Should.ThrowAsync<ArgumentException>(() => _store.PutTrialWeightsAsync(bad, "t", new byte[] { 1 }));
        await Should.ThrowAsync<ArgumentException>(() => _store.OpenTrialWeightsAsync(bad, "t"));
        await Should.ThrowAsync<ArgumentException>(() => _store.PutTrialArchitectureAsync(bad, "t", "{}"));
        await Should.ThrowAsync<ArgumentException>(() => _store.PutReportAsync(bad, "r.csv", new byte[] { 1 }));
        await Should.ThrowAsync<ArgumentException>(() => _store.UpsertSearchAsync(Records.BareSearch(bad)));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetSearchAsync(bad));
        await Should.ThrowAsync<ArgumentException>(() => _store.UpsertTrialAsync(Records.BareTrial(bad, "t")));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetTrialAsync(bad, "t"));
        await Should.ThrowAsync<ArgumentException>(() => _store.ListTrialsAsync(bad));
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Every_operation_rejects_a_bad_trial_id(string bad)
    {
        var searchId = Ids.NewSearch();
        await Should.ThrowAsync<ArgumentException>(() => _store.PutTrialWeightsAsync(searchId, bad, new byte[] { 1 }));
        await Should.ThrowAsync<ArgumentException>(() => _store.OpenTrialWeightsAsync(searchId, bad));
        await Should.ThrowAsync<ArgumentException>(() => _store.PutTrialArchitectureAsync(searchId, bad, "{}"));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetTrialArchitectureAsync(searchId, bad));
        await Should.ThrowAsync<ArgumentException>(() => _store.UpsertTrialAsync(Records.BareTrial(searchId, bad)));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetTrialAsync(searchId, bad));
        (await _store.ListTrialsAsync(searchId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("a//b")]
    [InlineData("../escape")]
    [InlineData("plots/./x.svg")]
    [InlineData("a#b")]
    public async Task A_bad_report_name_is_rejected(string bad)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.PutReportAsync(Ids.NewSearch(), bad, new byte[] { 1 }));
        await Should.ThrowAsync<ArgumentException>(() => _store.OpenReportAsync(Ids.NewSearch(), bad));
    }

    [Fact]
    public async Task A_negative_round_is_rejected()
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.PutControllerStateAsync(Ids.NewSearch(), -1, "{}"));
    }

    [Theory]
    [InlineData("r0003-c07")]
    [InlineData("suche-ä_1.2")]
    [InlineData("with space")]
    public async Task Ordinary_ids_are_accepted_end_to_end(string id)
    {
        StorageIds.IsValidId(id).ShouldBeTrue();
        var searchId = Ids.NewSearch() + id;
        await _store.PutTrialArchitectureAsync(searchId, id, "{}");
        (await _store.GetTrialArchitectureAsync(searchId, id)).ShouldBe("{}");
        await _store.UpsertTrialAsync(Records.BareTrial(searchId, id));
        (await _store.GetTrialAsync(searchId, id)).ShouldBe(Records.BareTrial(searchId, id));
    }

    [Fact]
    public void The_longest_allowed_id_is_accepted()
    {
        StorageIds.IsValidId(new string('a', StorageIds.MaxIdLength)).ShouldBeTrue();
    }
}

namespace NasFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SearchTableTests(AzuriteFixture azurite)
{
    private readonly ISearchStore _store = azurite.Store;

    [Fact]
    public async Task A_search_with_every_field_round_trips()
    {
        var search = Records.FullSearch(Ids.NewSearch());
        await _store.UpsertSearchAsync(search);
        (await _store.GetSearchAsync(search.SearchId)).ShouldBe(search);
    }

    [Fact]
    public async Task A_search_with_null_optional_fields_round_trips()
    {
        var search = Records.BareSearch(Ids.NewSearch());
        await _store.UpsertSearchAsync(search);

        var read = await _store.GetSearchAsync(search.SearchId);
        read.ShouldBe(search);
        read!.BestValidationAccuracy.ShouldBeNull();
        read.RoundsPlanned.ShouldBeNull();
    }

    [Fact]
    public async Task Upserting_twice_keeps_one_row_with_the_new_values_and_clears_dropped_fields()
    {
        var first = Records.FullSearch(Ids.NewSearch());
        await _store.UpsertSearchAsync(first);
        var second = first with
        {
            Status = SearchStatus.Completed,
            Round = 10,
            BestTrialId = null,
            BestArchitecture = null,
            BestValidationAccuracy = null,
            BestTestAccuracy = null,
            Error = null,
            UpdatedAt = first.UpdatedAt.AddHours(1),
        };
        await _store.UpsertSearchAsync(second);

        (await _store.GetSearchAsync(first.SearchId)).ShouldBe(second);
        (await _store.ListSearchesAsync()).Count(s => s.SearchId == first.SearchId).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_search_is_null()
    {
        (await _store.GetSearchAsync(Ids.NewSearch())).ShouldBeNull();
    }

    [Fact]
    public async Task List_returns_every_search_written()
    {
        var ids = new[] { Ids.NewSearch(), Ids.NewSearch(), Ids.NewSearch() };
        foreach (var id in ids)
        {
            await _store.UpsertSearchAsync(Records.BareSearch(id));
        }

        var listed = await _store.ListSearchesAsync();
        foreach (var id in ids)
        {
            listed.ShouldContain(Records.BareSearch(id));
        }
    }

    [Fact]
    public async Task A_long_error_is_stored_cut_short()
    {
        var search = Records.BareSearch(Ids.NewSearch()) with
        {
            Status = SearchStatus.Failed,
            Error = new string('x', AzureSearchStore.MaxErrorLength + 5_000),
        };
        await _store.UpsertSearchAsync(search);

        var error = (await _store.GetSearchAsync(search.SearchId))!.Error!;
        error.Length.ShouldBe(AzureSearchStore.MaxErrorLength);
        error.ShouldEndWith("…");
    }

    [Fact]
    public async Task An_unknown_status_is_rejected()
    {
        var search = Records.BareSearch(Ids.NewSearch()) with { Status = "Done" };
        await Should.ThrowAsync<ArgumentException>(() => _store.UpsertSearchAsync(search));
        (await _store.GetSearchAsync(search.SearchId)).ShouldBeNull();
    }
}

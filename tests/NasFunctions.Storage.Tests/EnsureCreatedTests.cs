using Azure;

namespace NasFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class EnsureCreatedTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Creates_the_container_and_tables_and_may_be_called_again()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var store = new AzureSearchStore(new StorageOptions
        {
            ConnectionString = azurite.Azurite.ConnectionString,
            Container = "c-" + suffix,
            SearchesTable = "S" + suffix,
            TrialsTable = "T" + suffix,
        });
        var searchId = Ids.NewSearch();
        await Should.ThrowAsync<RequestFailedException>(() => store.PutSpecAsync(searchId, "{}"));
        await Should.ThrowAsync<RequestFailedException>(() => store.UpsertSearchAsync(Records.BareSearch(searchId)));
        await Should.ThrowAsync<RequestFailedException>(() => store.UpsertTrialAsync(Records.BareTrial(searchId, "t")));

        await store.EnsureCreatedAsync();
        await store.PutSpecAsync(searchId, "{}");
        await store.UpsertSearchAsync(Records.BareSearch(searchId));
        await store.UpsertTrialAsync(Records.BareTrial(searchId, "t"));

        await store.EnsureCreatedAsync();
        (await store.GetSpecAsync(searchId)).ShouldBe("{}");
        (await store.GetSearchAsync(searchId)).ShouldNotBeNull();
        (await store.GetTrialAsync(searchId, "t")).ShouldNotBeNull();
    }
}

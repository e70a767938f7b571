using System.Text;
using Azure.Storage.Blobs;

namespace NasFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStoreTests(AzuriteFixture azurite)
{
    private readonly ISearchStore _store = azurite.Store;

    [Fact]
    public async Task Spec_round_trips_and_is_overwritten()
    {
        var id = Ids.NewSearch();
        (await _store.GetSpecAsync(id)).ShouldBeNull();

        await _store.PutSpecAsync(id, """{"name":"first"}""");
        (await _store.GetSpecAsync(id)).ShouldBe("""{"name":"first"}""");

        await _store.PutSpecAsync(id, """{"name":"second","ü":"ß"}""");
        (await _store.GetSpecAsync(id)).ShouldBe("""{"name":"second","ü":"ß"}""");
    }

    [Fact]
    public async Task Controller_state_is_kept_per_round_and_absent_rounds_are_null()
    {
        var id = Ids.NewSearch();
        await _store.PutControllerStateAsync(id, 0, """{"population":[]}""");
        await _store.PutControllerStateAsync(id, 1, """{"population":[1]}""");
        await _store.PutControllerStateAsync(id, 1, """{"population":[1,2]}""");

        (await _store.GetControllerStateAsync(id, 0)).ShouldBe("""{"population":[]}""");
        (await _store.GetControllerStateAsync(id, 1)).ShouldBe("""{"population":[1,2]}""");
        (await _store.GetControllerStateAsync(id, 2)).ShouldBeNull();
        (await _store.GetControllerStateAsync(Ids.NewSearch(), 0)).ShouldBeNull();
    }

    [Fact]
    public async Task Proposed_state_is_kept_apart_from_the_learned_state_of_the_same_round()
    {
        var id = Ids.NewSearch();
        await _store.PutProposedStateAsync(id, 3, """{"stage":"proposed"}""");
        await _store.PutControllerStateAsync(id, 3, """{"stage":"learned"}""");

        (await _store.GetProposedStateAsync(id, 3)).ShouldBe("""{"stage":"proposed"}""");
        (await _store.GetControllerStateAsync(id, 3)).ShouldBe("""{"stage":"learned"}""");
        (await _store.GetProposedStateAsync(id, 4)).ShouldBeNull();
        BlobPaths.ProposedState(id, 3).ShouldBe($"{id}/controller/round-0003.proposed.json");
    }

    [Fact]
    public async Task Weights_round_trip_from_memory_and_stream_and_are_overwritten()
    {
        var id = Ids.NewSearch();
        (await _store.OpenTrialWeightsAsync(id, "r0000-c00")).ShouldBeNull();

        var first = RandomBytes(3 * 1024 * 1024 + 17, seed: 1);
        var name = await _store.PutTrialWeightsAsync(id, "r0000-c00", first);
        name.ShouldBe($"{id}/trials/r0000-c00/weights");
        (await ReadWeightsAsync(id, "r0000-c00")).ShouldBe(first);

        var second = RandomBytes(1000, seed: 2);
        using (var stream = new MemoryStream(second))
        {
            (await _store.PutTrialWeightsAsync(id, "r0000-c00", stream)).ShouldBe(name);
        }

        (await ReadWeightsAsync(id, "r0000-c00")).ShouldBe(second);
    }

    [Fact]
    public async Task Weights_land_at_the_documented_blob_path()
    {
        var id = Ids.NewSearch();
        var weights = RandomBytes(64, seed: 3);
        await _store.PutTrialWeightsAsync(id, "r0001-c02", weights);

        var container = new BlobServiceClient(azurite.Azurite.ConnectionString, StorageClientOptions.ForBlobs())
            .GetBlobContainerClient(StorageOptions.DefaultContainer);
        var content = await container.GetBlobClient($"{id}/trials/r0001-c02/weights").DownloadContentAsync();
        content.Value.Content.ToArray().ShouldBe(weights);
    }

    [Fact]
    public async Task A_checkpoint_round_trips_is_replaced_and_lives_beside_the_weights()
    {
        var id = Ids.NewSearch();
        (await _store.GetTrialCheckpointAsync(id, "r0000-c03")).ShouldBeNull();

        await _store.PutTrialCheckpointAsync(id, "r0000-c03", RandomBytes(2048, seed: 4));
        var second = RandomBytes(4096, seed: 5);
        await _store.PutTrialCheckpointAsync(id, "r0000-c03", second);

        (await _store.GetTrialCheckpointAsync(id, "r0000-c03")).ShouldBe(second);
        (await _store.GetTrialCheckpointAsync(id, "r0000-c04")).ShouldBeNull();
        BlobPaths.TrialCheckpoint(id, "r0000-c03").ShouldBe($"{id}/trials/r0000-c03/checkpoint");
    }

    [Fact]
    public async Task Architecture_round_trips_and_is_overwritten()
    {
        var id = Ids.NewSearch();
        (await _store.GetTrialArchitectureAsync(id, "r0000-c01")).ShouldBeNull();

        await _store.PutTrialArchitectureAsync(id, "r0000-c01", """{"ops":["conv3x3"]}""");
        await _store.PutTrialArchitectureAsync(id, "r0000-c01", """{"ops":["conv5x5"]}""");
        (await _store.GetTrialArchitectureAsync(id, "r0000-c01")).ShouldBe("""{"ops":["conv5x5"]}""");
        (await _store.GetTrialArchitectureAsync(id, "r0000-c02")).ShouldBeNull();
    }

    [Fact]
    public async Task Reports_round_trip_with_a_guessed_content_type()
    {
        var id = Ids.NewSearch();
        (await _store.OpenReportAsync(id, "leaderboard.csv")).ShouldBeNull();

        var name = await _store.PutReportAsync(id, "leaderboard.csv", Encoding.UTF8.GetBytes("trial,acc\n"));
        name.ShouldBe($"{id}/report/leaderboard.csv");
        using (var body = new MemoryStream(Encoding.UTF8.GetBytes("trial,acc\nr0000-c00,0.9\n")))
        {
            await _store.PutReportAsync(id, "leaderboard.csv", body);
        }

        await using (var stream = (await _store.OpenReportAsync(id, "leaderboard.csv"))!)
        {
            new StreamReader(stream).ReadToEnd().ShouldBe("trial,acc\nr0000-c00,0.9\n");
        }

        var properties = await new BlobServiceClient(azurite.Azurite.ConnectionString, StorageClientOptions.ForBlobs())
            .GetBlobContainerClient(StorageOptions.DefaultContainer).GetBlobClient(name).GetPropertiesAsync();
        properties.Value.ContentType.ShouldBe("text/csv");

        (await _store.PutReportAsync(id, "plots/pareto.svg", "<svg/>"u8.ToArray())).ShouldBe($"{id}/report/plots/pareto.svg");
    }

    private async Task<byte[]> ReadWeightsAsync(string searchId, string trialId)
    {
        await using var stream = await _store.OpenTrialWeightsAsync(searchId, trialId);
        stream.ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

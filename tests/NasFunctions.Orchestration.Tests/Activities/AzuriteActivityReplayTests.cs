using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using NasFunctions.Orchestration.Tests.Datasets;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>The replay tests on a real Azurite: every blob of the container and every entity of both tables is compared.</summary>
/// <remarks>A table's own Timestamp and ETag (and a blob's) change with every write whatever it writes, so they are left out.</remarks>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteActivityReplayTests(AzuriteFixture azurite) : ActivityReplayTests
{
    private readonly StorageOptions _options = Unique(azurite.Azurite.ConnectionString);

    protected override ISearchStore CreateStore() => new AzureSearchStore(_options);

    protected override async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        var container = new BlobServiceClient(_options.ConnectionString, StorageClientOptions.ForBlobs()).GetBlobContainerClient(_options.Container);
        await foreach (var blob in container.GetBlobsAsync())
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            text.Append("blob ").Append(blob.Name).Append(' ').AppendLine(Convert.ToBase64String(content.Value.Content.ToArray()));
        }

        var tables = new TableServiceClient(_options.ConnectionString, StorageClientOptions.ForTables());
        foreach (var table in new[] { _options.SearchesTable, _options.TrialsTable })
        {
            await foreach (var entity in tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                text.Append(table).Append(' ').AppendJoin(
                    ", ",
                    entity.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).Order(StringComparer.Ordinal).Select(k => $"{k}={entity[k]}"));
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static StorageOptions Unique(string connectionString)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new StorageOptions
        {
            ConnectionString = connectionString, Container = "replay-" + id, SearchesTable = "Searches" + id, TrialsTable = "Trials" + id,
        };
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Local.Durable;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests.Fuzz;

/// <summary>
/// A real local host (its own Azurite, the DTFx worker) whose only data root is a temporary folder holding a CSV, an empty
/// file and links that lead out; beside it a second, key-protected host on the same storage that runs no worker.
/// </summary>
public sealed class FuzzHostFixture : IAsyncLifetime
{
    /// <summary>The key of <see cref="Keyed"/>.</summary>
    public const string ApiKey = "fuzz-key-7f3a9c";

    /// <summary>Text inside the file outside the data root; no response may ever carry it.</summary>
    public const string SecretMarker = "SECRET-MARKER-3141";

    public LocalHost Open { get; private set; } = null!;

    public LocalHost Keyed { get; private set; } = null!;

    /// <summary>The data root (a CSV, an empty file, a link to a file outside, a link to a folder outside).</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("nas-fuzz-root-").FullName;

    /// <summary>A folder outside the root, holding <c>secret.csv</c>.</summary>
    public string Outside { get; } = Directory.CreateTempSubdirectory("nas-fuzz-outside-").FullName;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Outside, "secret.csv"), $"a,label\n{SecretMarker},1\n");
        File.WriteAllText(Path.Combine(Root, "wine.csv"), "a,class\n1,0\n2,1\n");
        File.WriteAllText(Path.Combine(Root, "empty.csv"), "");
        File.CreateSymbolicLink(Path.Combine(Root, "leak.csv"), Path.Combine(Outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "leakdir"), Outside);

        var open = new LocalHostOptions { Port = 0, ApiKey = null };
        open.Durable.WorkerId = "fuzz-tests";
        open.Evaluator.DataRoots = [Root];
        Open = await LocalHost.StartAsync(open);
        var keyed = new LocalHostOptions { Port = 0, ApiKey = ApiKey, ConnectionString = Open.ConnectionString, RunWorker = false };
        keyed.Durable.WorkerId = "fuzz-tests-keyed";
        keyed.Evaluator.DataRoots = [Root];
        Keyed = await LocalHost.StartAsync(keyed);
    }

    /// <summary>What exists in storage now: Searches rows, blobs of the searches container, durable instances.</summary>
    public async Task<StorageSnapshot> SnapshotAsync()
    {
        var searches = (await Open.Services.GetRequiredService<ISearchStore>().ListSearchesAsync()).Select(s => s.SearchId).ToList();
        var container = new BlobContainerClient(Open.ConnectionString, StorageOptions.DefaultContainer, StorageClientOptions.ForBlobs());
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        var instances = new List<string>();
        var table = new TableClient(Open.ConnectionString, new DurableEngineOptions().TaskHub + "Instances");
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            instances.Add(row.PartitionKey);
        }

        return new StorageSnapshot(searches, blobs, instances);
    }

    public async Task DisposeAsync()
    {
        await Keyed.DisposeAsync();
        await Open.DisposeAsync();
        Directory.Delete(Root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }
}

/// <summary>Names of what a host has stored, to compare before and after.</summary>
public sealed record StorageSnapshot(IReadOnlyList<string> Searches, IReadOnlyList<string> Blobs, IReadOnlyList<string> Instances);

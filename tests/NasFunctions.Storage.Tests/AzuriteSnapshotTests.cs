using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NasFunctions.Storage.Emulator;
using Xunit.Abstractions;

namespace NasFunctions.Storage.Tests;

/// <summary>
/// Azurite's stores are saved as one snapshot: the recovery completes a committed one and drops an uncommitted one, and a
/// SIGKILL at any moment leaves the blob, table and queue stores at one instant.
/// </summary>
public sealed class AzuriteSnapshotTests(ITestOutputHelper output) : IDisposable
{
    private const string Table = "__azurite_db_table__.json";
    private const string Queue = "__azurite_db_queue__.json";
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-azurite-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_committed_snapshot_is_completed_where_its_renames_stopped()
    {
        Write(Table, "table 1");
        Write(Queue, "queue 1");
        Write(Table + ".nas-7-3", "table 2");
        Write(AzuriteSnapshot.MarkerName, """{"suffix": ".nas-7-3", "files": ["__azurite_db_table__.json", "__azurite_db_queue__.json"]}""");
        Write(Queue, "queue 2"); // its rename had happened before the kill

        AzuriteSnapshot.Recover(_folder).ShouldBe(1);

        Read(Table).ShouldBe("table 2");
        Read(Queue).ShouldBe("queue 2");
        string.Join(", ", Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)).ShouldBe($"{Queue}, {Table}", "the marker and the snapshot's files are gone");
    }

    [Fact]
    public void An_uncommitted_snapshot_is_dropped_and_the_stores_stay_at_the_one_before()
    {
        Write(Table, "table 1");
        Write(Queue, "queue 1");
        Write(Table + ".nas-7-4", "table 2");
        Write(Queue + ".nas-7-4", "queue 2");
        Write(AzuriteSnapshot.MarkerName + ".tmp", """{"suffix": ".nas-7-4", "files": ["__azurite_db_table__.json"]}""");

        AzuriteSnapshot.Recover(_folder).ShouldBe(0);

        Read(Table).ShouldBe("table 1");
        Read(Queue).ShouldBe("queue 1");
        Directory.GetFiles(_folder).Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"suffix": ".nas-1", "files": ["../escape.json"]}""")]
    [InlineData("""{"suffix": "/../../x", "files": ["__azurite_db_table__.json"]}""")]
    [InlineData("""{"suffix": ".nas-1", "files": [".."]}""")]
    [InlineData("not json")]
    public void A_marker_naming_anything_outside_the_folder_or_unreadable_moves_nothing(string marker)
    {
        Write(Table, "table 1");
        Write(Table + ".nas-1", "table 2");
        Write(AzuriteSnapshot.MarkerName, marker);

        AzuriteSnapshot.Recover(_folder).ShouldBe(0);

        Read(Table).ShouldBe("table 1");
        Directory.GetFiles(_folder).Select(Path.GetFileName).ShouldHaveSingleItem().ShouldBe(Table);
    }

    [Fact]
    public async Task Each_kill_leaves_the_blob_table_and_queue_stores_at_one_instant()
    {
        // Every step writes a blob, then a table row, then a queue message, each acknowledged before the next: a state of one
        // instant is a prefix of that chain, so a store may be at most one step ahead of the store written after it. Stores
        // saved on their own timers (Azurite's way) disagree by tens of steps.
        var options = new AzuriteOptions { Location = _folder };
        var random = new Random(5);
        const int Lives = 4;
        for (var life = 0; life <= Lives; life++)
        {
            await using var azurite = await AzuriteProcess.StartAsync(options);
            if (life > 0)
            {
                await CheckPrefixAsync(azurite.ConnectionString, life - 1);
            }

            if (life == Lives)
            {
                break;
            }

            var (blobs, table, queue) = Clients(azurite.ConnectionString, life);
            await blobs.CreateIfNotExistsAsync();
            await table.CreateIfNotExistsAsync();
            await queue.CreateIfNotExistsAsync();
            var until = Stopwatch.StartNew();
            var writeFor = TimeSpan.FromMilliseconds(random.Next(1200, 2400));
            var step = 0;
            for (; until.Elapsed < writeFor; step++)
            {
                var name = step.ToString("D6", CultureInfo.InvariantCulture);
                await blobs.UploadBlobAsync(name, BinaryData.FromString(name));
                await table.UpsertEntityAsync(new TableEntity("p", name));
                await queue.SendMessageAsync(name);
            }

            Process.GetProcessById(azurite.ProcessId).Kill();
            await azurite.Exited.WaitAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"life {life}: {step} steps acknowledged, then SIGKILL");
        }
    }

    private async Task CheckPrefixAsync(string connectionString, int life)
    {
        var (blobs, table, queue) = Clients(connectionString, life);
        var blobSteps = new List<int>();
        await foreach (var blob in blobs.GetBlobsAsync())
        {
            blobSteps.Add(int.Parse(blob.Name, CultureInfo.InvariantCulture));
        }

        var rowSteps = table.Query<TableEntity>().Select(e => int.Parse(e.RowKey, CultureInfo.InvariantCulture)).ToList();
        var messageSteps = new List<int>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } received)
        {
            messageSteps.AddRange(received.Select(m => int.Parse(m.MessageText, CultureInfo.InvariantCulture)));
        }

        output.WriteLine($"life {life} after the kill: {blobSteps.Count} blobs, {rowSteps.Count} rows, {messageSteps.Count} messages");
        foreach (var (store, steps) in new[] { ("blobs", blobSteps), ("rows", rowSteps), ("messages", messageSteps) })
        {
            steps.Order().ShouldBe(Enumerable.Range(0, steps.Count), $"the {store} kept are the first ones written");
        }

        rowSteps.Count.ShouldBeInRange(messageSteps.Count, messageSteps.Count + 1, "rows are written before messages: at most one row ahead, never behind");
        blobSteps.Count.ShouldBeInRange(rowSteps.Count, rowSteps.Count + 1, "blobs are written before rows: at most one blob ahead, never behind");
        blobSteps.Count.ShouldBeGreaterThan(0, "a kill after a second of writes keeps some of them");
    }

    private static (BlobContainerClient Blobs, TableClient Table, QueueClient Queue) Clients(string connectionString, int life) =>
        (new BlobContainerClient(connectionString, $"chain{life}"), new TableClient(connectionString, $"chain{life}"), new QueueClient(connectionString, $"chain{life}"));

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private string Read(string name) => File.ReadAllText(Path.Combine(_folder, name));
}

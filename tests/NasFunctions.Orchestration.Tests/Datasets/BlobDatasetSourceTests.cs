using Azure.Core;
using Azure.Storage.Blobs;
using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Datasets;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Datasets;

/// <summary>Blob data sets on a real Azurite: downloaded once per cache folder, atomically, with clear errors for missing blobs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobDatasetSourceTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "nas-blob-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _id = "set" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public void A_csv_blob_is_downloaded_once_and_a_second_source_on_the_same_cache_fetches_nothing()
    {
        var wine = File.ReadAllBytes(RepositoryFiles.Find(".nas/data/tabular/wine.csv"));
        Upload($"{_id}/wine/wine.csv", wine);
        var options = Csv($"blob:{_id}/wine/wine.csv");
        var first = new RequestCounter();
        var source = Source(first);

        var path = source.GetLocalPath(options);

        Path.GetFileName(path).ShouldBe("wine.csv");
        File.ReadAllBytes(path).ShouldBe(wine);
        first.Count.ShouldBeGreaterThan(0);
        var afterDownload = first.Count;
        source.GetLocalPath(options).ShouldBe(path);
        first.Count.ShouldBe(afterDownload, "a second call finds the file and sends no request");

        var second = new RequestCounter();
        Source(second).GetLocalPath(options).ShouldBe(path);
        second.Count.ShouldBe(0, "a new source (a new process, say) on the same cache folder finds the download");
        PartialFolders().ShouldBeEmpty();

        var table = TabularDataset.Load(options, source);
        (table.Train.Count + table.Validation.Count + table.Test.Count, table.FeatureCount, table.Classes).ShouldBe((178, 13, 3));
    }

    [Fact]
    public void A_folder_prefix_brings_every_file_under_it_and_nothing_beside_it()
    {
        Upload($"{_id}/set/a.bin", [1, 2, 3]);
        Upload($"{_id}/set/sub/b.bin", [4, 5]);
        Upload($"{_id}/set/folder", [], new Dictionary<string, string> { ["hdi_isfolder"] = "true" });
        Upload($"{_id}/set-other/c.bin", [6]);
        Upload($"{_id}/setx.bin", [7]);
        var options = Images($"blob:{_id}/set/");
        var counter = new RequestCounter();

        var folder = Source(counter).GetLocalPath(options);

        Files(folder).ShouldBe(["a.bin", "sub/b.bin"]);
        File.ReadAllBytes(Path.Combine(folder, "sub", "b.bin")).ShouldBe(new byte[] { 4, 5 });
        var afterDownload = counter.Count;
        afterDownload.ShouldBe(3, "one listing and one GET a file");
        Source(counter).GetLocalPath(options).ShouldBe(folder);
        counter.Count.ShouldBe(afterDownload);
    }

    [Fact]
    public void Nested_prefixes_and_a_blob_inside_a_folder_are_cached_apart()
    {
        Upload($"{_id}/set/a.csv", [1]);
        Upload($"{_id}/set/sub/b.csv", [2]);
        var source = Source(new RequestCounter());

        var blob = source.GetLocalPath(Csv($"blob:{_id}/set/sub/b.csv"));
        var inner = source.GetLocalPath(Images($"blob:{_id}/set/sub/"));
        var outer = source.GetLocalPath(Images($"blob:{_id}/set/"));

        File.ReadAllBytes(blob).ShouldBe(new byte[] { 2 });
        Files(inner).ShouldBe(["b.csv"]);
        Files(outer).ShouldBe(["a.csv", "sub/b.csv"], "a folder of a nested prefix does not pass for the outer one's download");
    }

    [Fact]
    public void A_missing_blob_or_prefix_is_a_clear_error_that_is_not_cached()
    {
        var source = Source(new RequestCounter());

        var blob = Should.Throw<FileNotFoundException>(() => source.GetLocalPath(Csv($"blob:{_id}/wine.csv")));
        var folder = Should.Throw<FileNotFoundException>(() => source.GetLocalPath(Images($"blob:{_id}/mnist/")));

        blob.Message.ShouldContain($"container '{StorageOptions.DefaultDatasetsContainer}'");
        blob.Message.ShouldContain($"no blob named '{_id}/wine.csv' (for a folder, end the prefix with '/')");
        blob.FileName.ShouldBe($"blob:{_id}/wine.csv");
        folder.Message.ShouldContain($"container '{StorageOptions.DefaultDatasetsContainer}'");
        folder.Message.ShouldContain($"no blobs under the prefix '{_id}/mnist/'");
        Directory.GetFileSystemEntries(ContainerFolder()).ShouldBeEmpty("a failed download leaves nothing in the cache");

        Upload($"{_id}/wine.csv", [1, 2]);
        File.ReadAllBytes(source.GetLocalPath(Csv($"blob:{_id}/wine.csv"))).ShouldBe(new byte[] { 1, 2 });
    }

    [Fact]
    public void A_missing_container_is_a_clear_error()
    {
        var container = new BlobServiceClient(azurite.Azurite.ConnectionString, StorageClientOptions.ForBlobs())
            .GetBlobContainerClient("absent-" + Guid.NewGuid().ToString("N")[..8]);
        var source = new BlobDatasetSource(container, _cache);

        Should.Throw<FileNotFoundException>(() => source.GetLocalPath(Images("blob:mnist/"))).Message
            .ShouldContain($"container '{container.Name}' of http://127.0.0.1:{azurite.Azurite.BlobPort}/devstoreaccount1 does not exist");
        Should.Throw<FileNotFoundException>(() => source.GetLocalPath(Csv("blob:wine.csv"))).Message.ShouldContain("does not exist");
    }

    [Fact]
    public void A_download_that_fails_halfway_leaves_no_folder_and_the_next_call_fetches_everything()
    {
        Upload($"{_id}/set/a.bin", [1]);
        Upload($"{_id}/set/b.bin", [2]);
        Upload($"{_id}/set/c.bin", [3]);
        var options = Images($"blob:{_id}/set/");
        var failing = new RequestCounter { FailWhen = message => message.Request.Uri.Path.EndsWith("/b.bin", StringComparison.Ordinal) };

        var error = Record.Exception(() => Source(failing).GetLocalPath(options));

        error.ShouldNotBeNull().ToString().ShouldContain("b.bin) failed on purpose");
        failing.Count.ShouldBe(3, "the listing and a.bin came, then b.bin failed");
        Directory.GetFileSystemEntries(ContainerFolder()).ShouldBeEmpty("the half download (a.bin) was discarded, not published");
        var counter = new RequestCounter();
        Files(Source(counter).GetLocalPath(options)).ShouldBe(["a.bin", "b.bin", "c.bin"]);
        counter.Count.ShouldBe(4);
    }

    [Fact]
    public void A_half_download_left_by_a_crashed_process_is_not_taken_for_the_data_set()
    {
        Upload($"{_id}/set/a.bin", [1]);
        Upload($"{_id}/set/b.bin", [2]);
        var crashed = Path.Combine(ContainerFolder(), BlobDatasetCacheLayout.PartialPrefix + "crashed");
        Directory.CreateDirectory(crashed);
        File.WriteAllBytes(Path.Combine(crashed, "a.bin"), [1]);

        var folder = Source(new RequestCounter()).GetLocalPath(Images($"blob:{_id}/set/"));

        Files(folder).ShouldBe(["a.bin", "b.bin"]);
    }

    [Fact]
    public void Concurrent_callers_on_one_cache_all_get_the_complete_folder()
    {
        for (var i = 0; i < 5; i++)
        {
            Upload($"{_id}/set/f{i}.bin", [(byte)i]);
        }

        var options = Images($"blob:{_id}/set/");
        var counter = new RequestCounter();
        var sources = Enumerable.Range(0, 3).Select(_ => Source(counter)).ToArray();

        var paths = Enumerable.Range(0, 12).AsParallel().WithDegreeOfParallelism(12)
            .Select(i => sources[i % sources.Length].GetLocalPath(options))
            .ToArray();

        paths.Distinct().ShouldHaveSingleItem();
        Files(paths[0]).ShouldBe(Enumerable.Range(0, 5).Select(i => $"f{i}.bin").ToArray());
        counter.Count.ShouldBeLessThanOrEqualTo(3 * 6, "each source downloads at most once");
        PartialFolders().ShouldBeEmpty();
    }

    [Fact]
    public void Identify_names_the_endpoint_container_and_prefix_without_contacting_storage()
    {
        var counter = new RequestCounter();
        var source = Source(counter);

        var name = source.Identify(Csv($"blob:{_id}/wine.csv"));

        name.ShouldBe($"blob:http://127.0.0.1:{azurite.Azurite.BlobPort}/devstoreaccount1/datasets/{_id}/wine.csv");
        Source(new RequestCounter()).Identify(Csv($"blob:{_id}/wine.csv")).ShouldBe(name);
        source.Identify(Images($"blob:{_id}/wine/")).ShouldNotBe(name);
        counter.Count.ShouldBe(0);
        Should.Throw<ArgumentException>(() => source.Identify(Csv("/data/wine.csv")));
    }

    [Fact]
    public void The_storage_options_name_the_container_and_the_cache_defaults_to_the_temp_folder()
    {
        var storage = new StorageOptions { ConnectionString = azurite.Azurite.ConnectionString, DatasetsContainer = "other-sets" };
        var container = new BlobServiceClient(storage.ConnectionString, StorageClientOptions.ForBlobs()).GetBlobContainerClient("other-sets");
        container.CreateIfNotExists();
        container.GetBlobClient($"{_id}/t.csv").Upload(BinaryData.FromBytes([9]));

        var source = new BlobDatasetSource(storage, _cache);

        source.ContainerName.ShouldBe("other-sets");
        File.ReadAllBytes(source.GetLocalPath(Csv($"blob:{_id}/t.csv"))).ShouldBe(new byte[] { 9 });
        new BlobDatasetSource(storage).CacheFolder.ShouldBe(Path.Combine(Path.GetTempPath(), "nas-datasets"));
        Should.Throw<ArgumentException>(() => new BlobDatasetSource(new StorageOptions { ConnectionString = "x", DatasetsContainer = "Bad_Name" }));
    }

    private static DatasetOptions Csv(string path) => new() { Name = "csv", Path = path, LabelColumn = "class" };

    private static DatasetOptions Images(string path) => new() { Name = "mnist", Path = path };

    private static string[] Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private BlobDatasetSource Source(RequestCounter counter)
    {
        var options = StorageClientOptions.ForBlobs();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return new BlobDatasetSource(
            new BlobServiceClient(azurite.Azurite.ConnectionString, options).GetBlobContainerClient(StorageOptions.DefaultDatasetsContainer),
            _cache);
    }

    private string ContainerFolder()
    {
        var container = new BlobServiceClient(azurite.Azurite.ConnectionString, StorageClientOptions.ForBlobs())
            .GetBlobContainerClient(StorageOptions.DefaultDatasetsContainer);
        return BlobDatasetCacheLayout.ContainerFolder(_cache, container.Uri, container.Name);
    }

    private string[] PartialFolders() => Directory.Exists(ContainerFolder())
        ? Directory.GetDirectories(ContainerFolder(), BlobDatasetCacheLayout.PartialPrefix + "*")
        : [];

    private void Upload(string name, byte[] content, IDictionary<string, string>? metadata = null)
    {
        var container = new BlobServiceClient(azurite.Azurite.ConnectionString, StorageClientOptions.ForBlobs())
            .GetBlobContainerClient(StorageOptions.DefaultDatasetsContainer);
        container.CreateIfNotExists();
        container.GetBlobClient(name).Upload(BinaryData.FromBytes(content), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
    }
}

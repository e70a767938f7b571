using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NasFunctions.Evaluator.Data;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Datasets;

/// <summary>Data sets in Blob Storage (<c>blob:PREFIX</c> paths), downloaded once into a cache folder on the host and read there.</summary>
/// <remarks>
/// A prefix is downloaded into a <c>.partial-*</c> folder and renamed into place when complete, so a concurrent or crashed
/// download never leaves a folder that passes for a finished one; a process that loses the race to rename keeps the winner's
/// folder. A finished folder is never refreshed: blobs under a prefix are taken as immutable, so upload a changed data set
/// under a new prefix. The calls are synchronous, as <see cref="IDatasetSource"/> is, and use the SDK's synchronous methods.
/// </remarks>
public sealed class BlobDatasetSource : IDatasetSource
{
    /// <summary>Name of the folder under the system temp folder that is the default cache: <c>nas-datasets</c>.</summary>
    public const string DefaultCacheFolderName = "nas-datasets";

    // Metadata Data Lake Storage (hierarchical namespace) puts on the empty blobs that stand for its folders.
    private const string FolderMarkerMetadata = "hdi_isfolder";

    private readonly BlobContainerClient _container;
    private readonly string _containerFolder;
    private readonly ConcurrentDictionary<string, object> _downloads = new(StringComparer.Ordinal);

    /// <summary>Reads from the data-set container of the account <paramref name="storage"/> names (validated here).</summary>
    /// <param name="storage">The account and its <see cref="StorageOptions.DatasetsContainer"/>.</param>
    /// <param name="cacheFolder">Where downloads are kept; null: <see cref="DefaultCacheFolder"/>.</param>
    public BlobDatasetSource(StorageOptions storage, string? cacheFolder = null)
        : this(ContainerOf(storage), cacheFolder)
    {
    }

    /// <summary>Reads from <paramref name="container"/>, keeping downloads under <paramref name="cacheFolder"/> (null: the default).</summary>
    public BlobDatasetSource(BlobContainerClient container, string? cacheFolder = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (cacheFolder is not null && string.IsNullOrWhiteSpace(cacheFolder))
        {
            throw new ArgumentException("The cache folder must be null (the default) or a folder name, not blank.", nameof(cacheFolder));
        }

        _container = container;
        CacheFolder = Path.GetFullPath(cacheFolder ?? DefaultCacheFolder);
        _containerFolder = BlobDatasetCacheLayout.ContainerFolder(CacheFolder, container.Uri, container.Name);
    }

    /// <summary>The default cache folder: <c>nas-datasets</c> under the system temp folder.</summary>
    public static string DefaultCacheFolder => Path.Combine(Path.GetTempPath(), DefaultCacheFolderName);

    /// <summary>The folder downloads are kept in (made absolute).</summary>
    public string CacheFolder { get; }

    /// <summary>The container data sets are read from.</summary>
    public string ContainerName => _container.Name;

    /// <inheritdoc />
    /// <remarks><c>blob:{container URI}/{prefix}</c>, for example <c>blob:https://acct.blob.core.windows.net/datasets/wine/wine.csv</c>.</remarks>
    public string Identify(DatasetOptions options) => $"{BlobDatasetPath.Scheme}{_container.Uri.AbsoluteUri.TrimEnd('/')}/{Parse(options).Prefix}";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options' path is not a usable <c>blob:</c> path.</exception>
    /// <exception cref="FileNotFoundException">The container, or any blob under the prefix, is missing.</exception>
    public string GetLocalPath(DatasetOptions options)
    {
        var path = Parse(options);
        var entry = BlobDatasetCacheLayout.EntryFolder(_containerFolder, path.Prefix);
        var local = path.IsFolder ? entry : Path.Combine(entry, path.LastSegment);
        lock (_downloads.GetOrAdd(entry, _ => new object()))
        {
            if (!Directory.Exists(entry))
            {
                Download(path, entry);
            }
        }

        return local;
    }

    private static BlobContainerClient ContainerOf(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        storage.Validate();
        return storage.ResolveConnection().CreateBlobServiceClient().GetBlobContainerClient(storage.DatasetsContainer);
    }

    private static BlobDatasetPath Parse(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BlobDatasetPath.Parse(options.Path ?? "", options.Kind);
    }

    private void Download(BlobDatasetPath path, string entry)
    {
        Directory.CreateDirectory(_containerFolder);
        var partial = BlobDatasetCacheLayout.PartialFolder(_containerFolder);
        try
        {
            Directory.CreateDirectory(partial);
            if (path.IsFolder)
            {
                DownloadFolder(path, partial);
            }
            else
            {
                DownloadBlob(path.Prefix, Path.Combine(partial, path.LastSegment), path);
            }

            Publish(partial, entry);
        }
        finally
        {
            Discard(partial);
        }
    }

    private void DownloadFolder(BlobDatasetPath path, string partial)
    {
        var root = Path.TrimEndingDirectorySeparator(partial) + Path.DirectorySeparatorChar;
        var files = 0;
        foreach (var blob in List(path))
        {
            var relative = blob.Name[path.Prefix.Length..];
            if (relative.Length == 0 || relative.EndsWith('/') || blob.Metadata?.ContainsKey(FolderMarkerMetadata) == true)
            {
                continue; // a folder placeholder, not a file
            }

            var target = Path.GetFullPath(Path.Combine(partial, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Blob '{blob.Name}' in container '{_container.Name}' would be written outside the data set's folder.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            DownloadBlob(blob.Name, target, path);
            files++;
        }

        if (files == 0)
        {
            throw NotFound(path, $"has no blobs under the prefix '{path.Prefix}'");
        }
    }

    private IEnumerable<BlobItem> List(BlobDatasetPath path)
    {
        try
        {
            // Materialized here so a missing container surfaces inside this try.
            return _container.GetBlobs(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = path.Prefix }, CancellationToken.None).ToList();
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw NotFound(path, "does not exist", e);
        }
    }

    private void DownloadBlob(string blobName, string target, BlobDatasetPath path)
    {
        try
        {
            _container.GetBlobClient(blobName).DownloadTo(target);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw NotFound(path, "does not exist", e);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            throw path.IsFolder
                ? NotFound(path, $"lost the blob '{blobName}' while it was being downloaded", e)
                : NotFound(path, $"has no blob named '{blobName}' (for a folder, end the prefix with '/')", e);
        }
    }

    // Renames the finished download into place; when another process got there first, its folder (equally complete) stays.
    private static void Publish(string partial, string entry)
    {
        try
        {
            Directory.Move(partial, entry);
        }
        catch (IOException) when (Directory.Exists(entry))
        {
        }
    }

    // Best effort: a leftover .partial-* folder is never taken for a finished one, so a failed delete must not hide the real error.
    private static void Discard(string partial)
    {
        try
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private FileNotFoundException NotFound(BlobDatasetPath path, string what, Exception? inner = null) => new(
        $"Data set '{path}' not found: container '{_container.Name}' of {new Uri(_container.Uri, ".").AbsoluteUri.TrimEnd('/')} {what}.",
        path.ToString(),
        inner);
}

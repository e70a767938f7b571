using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NasFunctions.Storage.Blobs;
using NasFunctions.Storage.Tables;

namespace NasFunctions.Storage;

/// <summary>The search store on Azure Blob and Table Storage (or Azurite).</summary>
public sealed class AzureSearchStore : ISearchStore
{
    /// <summary>Longest error text kept in a row; longer ones are cut and end with '…'.</summary>
    public const int MaxErrorLength = 8_000;

    private readonly BlobContainerClient _container;
    private readonly TableClient _searches;
    private readonly TableClient _trials;

    /// <summary>Creates a store over the account, container and tables named in <paramref name="options"/> (validated here).</summary>
    public AzureSearchStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = options.ResolveConnection();
        _container = connection.CreateBlobServiceClient().GetBlobContainerClient(options.Container);
        var tables = connection.CreateTableServiceClient();
        _searches = tables.GetTableClient(options.SearchesTable);
        _trials = tables.GetTableClient(options.TrialsTable);
    }

    /// <inheritdoc />
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _searches.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _trials.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PutSpecAsync(string searchId, string json, CancellationToken cancellationToken = default) =>
        PutTextAsync(BlobPaths.Spec(searchId), json, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetSpecAsync(string searchId, CancellationToken cancellationToken = default) =>
        GetTextAsync(BlobPaths.Spec(searchId), cancellationToken);

    /// <inheritdoc />
    public Task PutControllerStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default) =>
        PutTextAsync(BlobPaths.ControllerState(searchId, round), json, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetControllerStateAsync(string searchId, int round, CancellationToken cancellationToken = default) =>
        GetTextAsync(BlobPaths.ControllerState(searchId, round), cancellationToken);

    /// <inheritdoc />
    public Task PutProposedStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default) =>
        PutTextAsync(BlobPaths.ProposedState(searchId, round), json, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetProposedStateAsync(string searchId, int round, CancellationToken cancellationToken = default) =>
        GetTextAsync(BlobPaths.ProposedState(searchId, round), cancellationToken);

    /// <inheritdoc />
    public Task<string> PutTrialWeightsAsync(
        string searchId, string trialId, ReadOnlyMemory<byte> weights, CancellationToken cancellationToken = default) =>
        PutBytesAsync(BlobPaths.TrialWeights(searchId, trialId), BinaryData.FromBytes(weights), ContentTypes.Binary, cancellationToken);

    /// <inheritdoc />
    public Task<string> PutTrialWeightsAsync(
        string searchId, string trialId, Stream weights, CancellationToken cancellationToken = default) =>
        PutStreamAsync(BlobPaths.TrialWeights(searchId, trialId), weights, ContentTypes.Binary, cancellationToken);

    /// <inheritdoc />
    public Task<Stream?> OpenTrialWeightsAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        OpenAsync(BlobPaths.TrialWeights(searchId, trialId), cancellationToken);

    /// <inheritdoc />
    public async Task PutTrialCheckpointAsync(
        string searchId, string trialId, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default) =>
        await PutBytesAsync(BlobPaths.TrialCheckpoint(searchId, trialId), BinaryData.FromBytes(checkpoint), ContentTypes.Binary, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<byte[]?> GetTrialCheckpointAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        (await GetBytesAsync(BlobPaths.TrialCheckpoint(searchId, trialId), cancellationToken).ConfigureAwait(false))?.ToArray();

    /// <inheritdoc />
    public Task PutTrialArchitectureAsync(string searchId, string trialId, string json, CancellationToken cancellationToken = default) =>
        PutTextAsync(BlobPaths.TrialArchitecture(searchId, trialId), json, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetTrialArchitectureAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        GetTextAsync(BlobPaths.TrialArchitecture(searchId, trialId), cancellationToken);

    /// <inheritdoc />
    public Task<string> PutReportAsync(
        string searchId, string name, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default) =>
        PutBytesAsync(BlobPaths.Report(searchId, name), BinaryData.FromBytes(content), contentType ?? ContentTypes.ForName(name), cancellationToken);

    /// <inheritdoc />
    public Task<string> PutReportAsync(
        string searchId, string name, Stream content, string? contentType = null, CancellationToken cancellationToken = default) =>
        PutStreamAsync(BlobPaths.Report(searchId, name), content, contentType ?? ContentTypes.ForName(name), cancellationToken);

    /// <inheritdoc />
    public Task<Stream?> OpenReportAsync(string searchId, string name, CancellationToken cancellationToken = default) =>
        OpenAsync(BlobPaths.Report(searchId, name), cancellationToken);

    /// <inheritdoc />
    public async Task UpsertSearchAsync(SearchRecord search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        StorageIds.EnsureValidId(search.SearchId);
        EnsureStatus(SearchStatus.IsValid(search.Status), search.Status, SearchStatus.All);
        await _searches.UpsertEntityAsync(SearchEntity.From(search), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SearchRecord?> GetSearchAsync(string searchId, CancellationToken cancellationToken = default)
    {
        StorageIds.EnsureValidId(searchId);
        var row = await _searches.GetEntityIfExistsAsync<TableEntity>(SearchEntity.Partition, searchId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? SearchEntity.To(entity) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchRecord>> ListSearchesAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SearchEntity.Partition}");
        var searches = new List<SearchRecord>();
        await foreach (var entity in _searches.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            searches.Add(SearchEntity.To(entity));
        }

        return searches;
    }

    /// <inheritdoc />
    public async Task UpsertTrialAsync(TrialRecord trial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trial);
        StorageIds.EnsureValidId(trial.SearchId);
        StorageIds.EnsureValidId(trial.TrialId);
        EnsureStatus(TrialStatus.IsValid(trial.Status), trial.Status, TrialStatus.All);
        await _trials.UpsertEntityAsync(TrialEntity.From(trial), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrialRecord?> GetTrialAsync(string searchId, string trialId, CancellationToken cancellationToken = default)
    {
        StorageIds.EnsureValidId(searchId);
        StorageIds.EnsureValidId(trialId);
        var row = await _trials.GetEntityIfExistsAsync<TableEntity>(searchId, trialId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? TrialEntity.To(entity) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(string searchId, CancellationToken cancellationToken = default)
    {
        StorageIds.EnsureValidId(searchId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {searchId}");
        var trials = new List<TrialRecord>();
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            trials.Add(TrialEntity.To(entity));
        }

        return trials;
    }

    /// <inheritdoc />
    public async Task DeleteSearchAsync(string searchId, CancellationToken cancellationToken = default)
    {
        string prefix = BlobPaths.Search(searchId);
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await _searches.DeleteEntityAsync(SearchEntity.Partition, searchId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureStatus(bool valid, string status, IReadOnlyList<string> allowed)
    {
        if (!valid)
        {
            throw new ArgumentException($"Unknown status '{status}'; expected one of {string.Join(", ", allowed)}.", nameof(status));
        }
    }

    private async Task PutTextAsync(string blobName, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await PutBytesAsync(blobName, BinaryData.FromString(text), ContentTypes.Json, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PutBytesAsync(string blobName, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        await _container.GetBlobClient(blobName)
            .UploadAsync(content, UploadOptions(contentType), cancellationToken)
            .ConfigureAwait(false);
        return blobName;
    }

    private async Task<string> PutStreamAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await _container.GetBlobClient(blobName)
            .UploadAsync(content, UploadOptions(contentType), cancellationToken)
            .ConfigureAwait(false);
        return blobName;
    }

    private async Task<string?> GetTextAsync(string blobName, CancellationToken cancellationToken) =>
        (await GetBytesAsync(blobName, cancellationToken).ConfigureAwait(false))?.ToString();

    private async Task<BinaryData?> GetBytesAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    private async Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(blobName)
                .DownloadStreamingAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    // No conditions: an upload replaces whatever is there, so a repeated write is harmless.
    private static BlobUploadOptions UploadOptions(string contentType) =>
        new() { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace NasFunctions.Storage;

/// <summary>How a host reaches its storage account: a connection string, or service endpoints with a token credential.</summary>
/// <remarks>
/// A connection string carries the account key (Azurite, or an account that allows shared keys); the identity form signs
/// every request with a Microsoft Entra token (a managed identity in Azure), so the account can have shared keys disabled.
/// </remarks>
public sealed class StorageConnection
{
    private StorageConnection(string? connectionString, Uri? blobServiceUri, Uri? tableServiceUri, Uri? queueServiceUri, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blobServiceUri;
        TableServiceUri = tableServiceUri;
        QueueServiceUri = queueServiceUri;
        Credential = credential;
    }

    /// <summary>The connection string; null for an identity-based connection.</summary>
    public string? ConnectionString { get; }

    /// <summary>The blob service endpoint of an identity-based connection; null for a connection string.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>The table service endpoint of an identity-based connection; null for a connection string.</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>The queue service endpoint of an identity-based connection (the durable task hub's queues); null when not known.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The token credential of an identity-based connection; null for a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>A connection by connection string (Azurite's, <c>UseDevelopmentStorage=true</c>, or an account's).</summary>
    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection(connectionString, null, null, null, null);
    }

    /// <summary>An identity-based connection: requests to these endpoints carry tokens from <paramref name="credential"/>.</summary>
    public static StorageConnection FromIdentity(Uri blobServiceUri, Uri tableServiceUri, Uri? queueServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(null, blobServiceUri, tableServiceUri, queueServiceUri, credential);
    }

    /// <summary>A blob service client on this connection, pinned to <see cref="StorageClientOptions.BlobServiceVersion"/>.</summary>
    public BlobServiceClient CreateBlobServiceClient() => Credential is null
        ? new BlobServiceClient(ConnectionString, StorageClientOptions.ForBlobs())
        : new BlobServiceClient(BlobServiceUri, Credential, StorageClientOptions.ForBlobs());

    /// <summary>A table service client on this connection.</summary>
    public TableServiceClient CreateTableServiceClient() => Credential is null
        ? new TableServiceClient(ConnectionString, StorageClientOptions.ForTables())
        : new TableServiceClient(TableServiceUri, Credential, StorageClientOptions.ForTables());
}

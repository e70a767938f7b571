using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace NasFunctions.Storage;

/// <summary>Client options pinned to service versions both Azure and Azurite 3.37 accept.</summary>
public static class StorageClientOptions
{
    /// <summary>
    /// Blob API version 2026-06-06: Azure.Storage.Blobs 12.30.1 would send 2026-10-06, which Azurite 3.37.0 rejects
    /// (400 InvalidHeaderValue) unless started with <c>--skipApiVersionCheck</c>; 2026-06-06 is the newest it accepts.
    /// </summary>
    public static BlobClientOptions.ServiceVersion BlobServiceVersion => BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>Blob client options for a user's own Azurite as well as for Azure.</summary>
    public static BlobClientOptions ForBlobs() => new(BlobServiceVersion);

    /// <summary>Table client options (the table SDK's only API version, 2019-02-02, is accepted everywhere).</summary>
    public static TableClientOptions ForTables() => new();
}

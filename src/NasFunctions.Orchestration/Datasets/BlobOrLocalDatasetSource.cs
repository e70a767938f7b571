using NasFunctions.Evaluator.Data;

namespace NasFunctions.Orchestration.Datasets;

/// <summary>A host's data sets: <c>blob:</c> paths from Blob Storage (cached on the host), every other path from this machine.</summary>
public sealed class BlobOrLocalDatasetSource : IDatasetSource
{
    private readonly IDatasetSource _blobs;
    private readonly IDatasetSource _local;

    /// <summary>Sends <c>blob:</c> paths to <paramref name="blobs"/> and the rest to <paramref name="local"/> (null: <see cref="LocalDatasetSource"/>).</summary>
    public BlobOrLocalDatasetSource(IDatasetSource blobs, IDatasetSource? local = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _blobs = blobs;
        _local = local ?? LocalDatasetSource.Instance;
    }

    /// <inheritdoc />
    public string Identify(DatasetOptions options) => For(options).Identify(options);

    /// <inheritdoc />
    public string GetLocalPath(DatasetOptions options) => For(options).GetLocalPath(options);

    private IDatasetSource For(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BlobDatasetPath.IsBlob(options.Path) ? _blobs : _local;
    }
}

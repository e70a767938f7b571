namespace NasFunctions.Evaluator.Data;

/// <summary>Local data sets, read only inside the host's data roots: a caller's path is checked again right before each load.</summary>
/// <remarks>
/// The spec reader checks a path when the search is posted; this source checks it once more when a trial loads the data (the
/// file may have changed since) and hands the loaders the real path it checked. A data set's default folder (no path given)
/// is the host's own choice and is read where it lies.
/// </remarks>
public sealed class RootedDatasetSource(DataRoots roots) : IDatasetSource
{
    /// <inheritdoc />
    public string Identify(DatasetOptions options) => GetLocalPath(options);

    /// <inheritdoc />
    /// <exception cref="UnauthorizedAccessException">The path is outside the roots, or names no regular data within the cap.</exception>
    public string GetLocalPath(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Path is null ? options.ResolveFolder() : roots.Resolve(options.Path);
    }
}

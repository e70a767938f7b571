namespace NasFunctions.Evaluator.Data;

/// <summary>Where a data set's files come from: a local folder, or a remote store copied into a host's cache folder first.</summary>
/// <remarks>
/// The loaders read only local paths; a source turns the options' <see cref="DatasetOptions.Path"/> (or default folder) into one.
/// A Blob Storage source downloads the files of a prefix such as <c>datasets/wine/</c> into a cache folder on the host and
/// returns that folder; it belongs in the Storage layer, so the evaluator knows no Azure package.
/// </remarks>
public interface IDatasetSource
{
    /// <summary>Names the files these options point at, the same text on every call (the data set cache tells sets apart by it).</summary>
    string Identify(DatasetOptions options);

    /// <summary>
    /// A local path holding those files, ready to read: a folder, or for a one-file data set (a CSV) the file itself. A remote
    /// source copies them into its cache first (once: a later call finds them there).
    /// </summary>
    string GetLocalPath(DatasetOptions options);
}

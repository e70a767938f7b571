namespace NasFunctions.Evaluator.Data;

/// <summary>Data sets already on this machine: the options' path (or default folder), read where it lies.</summary>
public sealed class LocalDatasetSource : IDatasetSource
{
    /// <summary>The one instance; it holds no state.</summary>
    public static LocalDatasetSource Instance { get; } = new();

    /// <inheritdoc />
    public string Identify(DatasetOptions options) => GetLocalPath(options);

    /// <inheritdoc />
    public string GetLocalPath(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ResolveFolder();
    }
}

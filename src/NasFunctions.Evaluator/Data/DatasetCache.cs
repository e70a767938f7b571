using System.Collections.Concurrent;

namespace NasFunctions.Evaluator.Data;

/// <summary>Process-wide cache of loaded data sets, so a host reads each (files, split) once however many trainings use it.</summary>
/// <remarks>
/// Each kind has its entry point (images, tabular, text); entries are keyed by the kind, the source's name for the files and every
/// option that changes the result. A failed load is not cached: the next call tries again.
/// </remarks>
public static class DatasetCache
{
    private static readonly ConcurrentDictionary<Key, Lazy<object>> Entries = new();

    /// <summary>The image data set (IDX or CIFAR-10) for these options, loaded on first use; concurrent callers share one load.</summary>
    public static ImageDataset GetOrLoad(DatasetOptions options) => GetOrLoad(options, null);

    /// <summary>The image data set for these options, its files got from <paramref name="source"/> (null: local).</summary>
    public static ImageDataset GetOrLoad(DatasetOptions options, IDatasetSource? source) =>
        Get(options, source, "image", (o, s) => ImageDataset.Load(o, s));

    /// <summary>The tabular CSV data set for these options, loaded on first use; concurrent callers share one load.</summary>
    public static TabularDataset GetOrLoadTabular(DatasetOptions options, IDatasetSource? source = null) =>
        Get(options, source, "tabular", (o, s) => TabularDataset.Load(o, s));

    /// <summary>The text data set (text CSV or SpamAssassin) for these options, loaded on first use; concurrent callers share one load.</summary>
    public static TextDataset GetOrLoadText(DatasetOptions options, IDatasetSource? source = null) =>
        Get(options, source, "text", (o, s) => TextDataset.Load(o, s));

    /// <summary>Forgets every cached data set.</summary>
    public static void Clear() => Entries.Clear();

    private static T Get<T>(DatasetOptions options, IDatasetSource? source, string kind, Func<DatasetOptions, IDatasetSource, T> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var from = source ?? LocalDatasetSource.Instance;
        var location = from.Identify(options);
        var snapshot = options.WithPath(options.Path); // a copy: the caller may change its options while the load runs
        var key = new Key(
            kind, from, location, options.Name.Trim().ToLowerInvariant(), options.LabelColumn, options.TextColumn, options.Seed,
            options.ValidationFraction, options.TestFraction, options.MaxVocabulary, options.MinTokenCount, options.MaxLength);
        var entry = Entries.GetOrAdd(key, _ => new Lazy<object>(() => load(snapshot, from), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            Entries.TryRemove(new KeyValuePair<Key, Lazy<object>>(key, entry));
            throw;
        }
    }

    private sealed record Key(
        string Kind,
        IDatasetSource Source,
        string Location,
        string Name,
        string LabelColumn,
        string TextColumn,
        int Seed,
        double ValidationFraction,
        double TestFraction,
        int MaxVocabulary,
        int MinTokenCount,
        int MaxLength);
}

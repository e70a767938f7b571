using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Evaluator.Data;

/// <summary>Process-wide cache of data sets: each location's files are read once and held once; every split of them is a view.</summary>
/// <remarks>
/// Two levels. The files of a location (keyed by their format, the source and the source's name for them, and the columns
/// read) are read on first use and kept once, whatever seed or fractions ask for them. A split (keyed by everything that
/// changes it: seed, fractions, text encoding) is built from those files as views: images and tables share the files'
/// pixels and values and hold only row indices and labels; text splits hold their encoded token ids. Concurrent callers
/// share one read. The cache holds at most <see cref="CapacityBytes"/> (files and splits together): past that it forgets
/// the least recently used files and their splits (trainings that hold them keep them until they finish); one data set
/// larger than the cap is still kept, alone. A failed read is not cached: the next call tries again.
/// </remarks>
public static class DatasetCache
{
    /// <summary>The default of <see cref="CapacityBytes"/>: 4 GiB.</summary>
    public const long DefaultCapacityBytes = 4L * 1024 * 1024 * 1024;

    private static readonly object Gate = new();
    private static readonly Dictionary<FilesKey, FilesEntry> Files = [];
    private static long _capacity = DefaultCapacityBytes;
    private static long _uses;
    private static int _reads;

    /// <summary>Bytes the cache may hold before it forgets the least recently used data sets; default <see cref="DefaultCapacityBytes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public static long CapacityBytes
    {
        get => Interlocked.Read(ref _capacity);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Interlocked.Exchange(ref _capacity, value);
            lock (Gate)
            {
                Evict(keep: null);
            }
        }
    }

    /// <summary>Bytes held now: the files read and the splits made of them (estimated from their arrays).</summary>
    public static long SizeBytes
    {
        get
        {
            lock (Gate)
            {
                return Files.Values.Sum(f => f.Bytes);
            }
        }
    }

    /// <summary>Locations whose files are held now.</summary>
    public static int FilesHeld
    {
        get
        {
            lock (Gate)
            {
                return Files.Count;
            }
        }
    }

    /// <summary>Times files have been read since the process started (a hit reads nothing).</summary>
    public static int FileReads => Volatile.Read(ref _reads);

    /// <summary>The image data set (IDX or CIFAR-10) for these options, loaded on first use; concurrent callers share one load.</summary>
    public static ImageDataset GetOrLoad(DatasetOptions options) => GetOrLoad(options, null);

    /// <summary>The image data set for these options, its files got from <paramref name="source"/> (null: local).</summary>
    public static ImageDataset GetOrLoad(DatasetOptions options, IDatasetSource? source) =>
        Get(options, source, "image", "", "", ImageDataset.ReadFiles, f => f.Bytes, ImageDataset.Split, d => Bytes(d.Train) + Bytes(d.Validation));

    /// <summary>The tabular CSV data set for these options, loaded on first use; concurrent callers share one load.</summary>
    public static TabularDataset GetOrLoadTabular(DatasetOptions options, IDatasetSource? source = null) =>
        Get(options, source, "tabular", options?.LabelColumn ?? "", "", TabularDataset.ReadFiles, f => f.Bytes, TabularDataset.Split,
            d => Bytes(d.Train) + Bytes(d.Validation) + Bytes(d.Test));

    /// <summary>The text data set (text CSV or SpamAssassin) for these options, loaded on first use; concurrent callers share one load.</summary>
    public static TextDataset GetOrLoadText(DatasetOptions options, IDatasetSource? source = null) =>
        Get(options, source, "text", options?.LabelColumn ?? "", options?.TextColumn ?? "", TextDataset.ReadFiles, f => f.Bytes, TextDataset.Split,
            d => Bytes(d.Train) + Bytes(d.Validation) + Bytes(d.Test));

    /// <summary>The parallel data set (TSV, Debian messages or CMUdict) for these options, loaded on first use; concurrent callers share one load.</summary>
    public static ParallelDataset GetOrLoadParallel(DatasetOptions options, IDatasetSource? source = null) =>
        Get(options, source, "parallel", "", "", ParallelDataset.ReadFiles, f => f.Bytes, ParallelDataset.Split, d => Bytes(d.Train) + Bytes(d.Validation) + Bytes(d.Test));

    /// <summary>Forgets every cached data set.</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Files.Clear();
        }
    }

    private static TSet Get<TFiles, TSet>(
        DatasetOptions options,
        IDatasetSource? source,
        string kind,
        string labelColumn,
        string textColumn,
        Func<DatasetOptions, IDatasetSource, TFiles> read,
        Func<TFiles, long> filesBytes,
        Func<TFiles, DatasetOptions, TSet> split,
        Func<TSet, long> splitBytes)
        where TFiles : class
        where TSet : class
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var from = source ?? LocalDatasetSource.Instance;
        var snapshot = options.WithPath(options.Path); // a copy: the caller may change its options while the load runs
        var filesKey = new FilesKey(kind, options.Kind, from, from.Identify(options), labelColumn, textColumn);
        var splitKey = new SplitKey(
            options.Name.Trim().ToLowerInvariant(), options.Seed, options.ValidationFraction, options.TestFraction, options.MaxVocabulary,
            options.MinTokenCount, options.MaxLength, options.Tokenizer);

        FilesEntry entry;
        lock (Gate)
        {
            if (!Files.TryGetValue(filesKey, out entry!))
            {
                entry = new FilesEntry(new Lazy<object>(
                    () =>
                    {
                        Interlocked.Increment(ref _reads);
                        return read(snapshot, from);
                    },
                    LazyThreadSafetyMode.ExecutionAndPublication));
                Files[filesKey] = entry;
            }

            entry.LastUse = ++_uses;
        }

        TFiles files;
        try
        {
            files = (TFiles)entry.Files.Value;
        }
        catch
        {
            Forget(filesKey, entry);
            throw;
        }

        Lazy<object> made;
        lock (Gate)
        {
            entry.FilesBytes = filesBytes(files);
            if (!entry.Splits.TryGetValue(splitKey, out made!))
            {
                made = new Lazy<object>(() => split(files, snapshot), LazyThreadSafetyMode.ExecutionAndPublication);
                entry.Splits[splitKey] = made;
            }
        }

        TSet set;
        try
        {
            set = (TSet)made.Value;
        }
        catch
        {
            lock (Gate)
            {
                if (entry.Splits.TryGetValue(splitKey, out var current) && current == made)
                {
                    entry.Splits.Remove(splitKey);
                }
            }

            throw;
        }

        lock (Gate)
        {
            entry.SplitBytes[splitKey] = splitBytes(set);
            Evict(keep: entry);
        }

        return set;
    }

    private static void Forget(FilesKey key, FilesEntry entry)
    {
        lock (Gate)
        {
            if (Files.TryGetValue(key, out var current) && current == entry)
            {
                Files.Remove(key);
            }
        }
    }

    /// <summary>Forgets the least recently used files (and their splits) until the cache fits its cap; <paramref name="keep"/> stays.</summary>
    private static void Evict(FilesEntry? keep)
    {
        var capacity = Interlocked.Read(ref _capacity);
        while (Files.Values.Sum(f => f.Bytes) > capacity)
        {
            var oldest = Files.Where(f => f.Value != keep).OrderBy(f => f.Value.LastUse).FirstOrDefault();
            if (oldest.Value is null)
            {
                return;
            }

            Files.Remove(oldest.Key);
        }
    }

    private static long Bytes(LabeledImages images) => images.OwnPixelBytes + images.Count + (images.ViewOf is null ? 0 : images.Count * sizeof(int));

    private static long Bytes(TabularSplit split) => split.OwnFeatureBytes + (split.Count * sizeof(int) * (split.IsView ? 2 : 1));

    private static long Bytes(TextSplit split) => (split.Tokens.LongLength + split.Count) * sizeof(int);

    private static long Bytes(ParallelSplit split) =>
        (split.SourceIds.Sum(s => (long)s.Length) + split.TargetIds.Sum(t => (long)t.Length) + (16L * split.Count)) * sizeof(int);

    private sealed record FilesKey(string Kind, DatasetKind Format, IDatasetSource Source, string Location, string LabelColumn, string TextColumn);

    private sealed record SplitKey(
        string Name, int Seed, double ValidationFraction, double TestFraction, int MaxVocabulary, int MinTokenCount, int MaxLength, string? Tokenizer);

    private sealed class FilesEntry(Lazy<object> files)
    {
        public Lazy<object> Files { get; } = files;

        public Dictionary<SplitKey, Lazy<object>> Splits { get; } = [];

        public Dictionary<SplitKey, long> SplitBytes { get; } = [];

        public long FilesBytes { get; set; }

        public long LastUse { get; set; }

        public long Bytes => FilesBytes + SplitBytes.Values.Sum();
    }
}

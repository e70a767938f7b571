using System.Collections.Concurrent;

namespace NasFunctions.Evaluator.Data;

/// <summary>Process-wide cache of loaded data sets, so a host reads each (folder, split) once however many trainings use it.</summary>
public static class DatasetCache
{
    private static readonly ConcurrentDictionary<Key, Lazy<ImageDataset>> Entries = new();

    /// <summary>The data set for these options, loaded on first use; concurrent callers share one load.</summary>
    /// <remarks>A failed load is not cached: the next call tries again.</remarks>
    public static ImageDataset GetOrLoad(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dataset options: " + string.Join(" ", errors), nameof(options));
        }

        var key = new Key(options.Name.ToLowerInvariant(), options.ResolveFolder(), options.Seed, options.ValidationFraction);
        var snapshot = new DatasetOptions
        {
            Name = options.Name, Path = key.Folder, Seed = options.Seed, ValidationFraction = options.ValidationFraction,
        };
        var entry = Entries.GetOrAdd(key, _ => new Lazy<ImageDataset>(
            () => ImageDataset.Load(snapshot), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            Entries.TryRemove(new KeyValuePair<Key, Lazy<ImageDataset>>(key, entry));
            throw;
        }
    }

    /// <summary>Forgets every cached data set.</summary>
    public static void Clear() => Entries.Clear();

    private sealed record Key(string Name, string Folder, int Seed, double ValidationFraction);
}

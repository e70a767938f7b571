using System.Collections.Concurrent;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Loads a search's spec from storage once per host and keeps the parsed form, read against the host's limits.</summary>
public sealed class SearchSpecCache(ISearchStore store, SpecLimits limits)
{
    /// <summary>A cache that reads specs with the default limits.</summary>
    public SearchSpecCache(ISearchStore store)
        : this(store, SpecLimits.Default)
    {
    }

    private readonly ConcurrentDictionary<string, SearchSpec> _specs = new(StringComparer.Ordinal);

    /// <summary>The parsed spec of a search; throws when it is missing or no longer valid.</summary>
    public async Task<SearchSpec> GetAsync(string searchId, CancellationToken cancellationToken = default)
    {
        if (_specs.TryGetValue(searchId, out var cached))
        {
            return cached;
        }

        string json = await store.GetSpecAsync(searchId, cancellationToken)
            ?? throw new InvalidOperationException($"Search '{searchId}' has no stored spec.");
        var result = SearchSpecReader.Read(json, limits);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                $"The stored spec of search '{searchId}' is not valid: {string.Join("; ", result.Errors)}");
        }

        return _specs.GetOrAdd(searchId, result.Spec!);
    }
}

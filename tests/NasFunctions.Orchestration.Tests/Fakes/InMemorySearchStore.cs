using System.Collections.Concurrent;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Fakes;

/// <summary>An in-memory <see cref="ISearchStore"/> for the fast orchestration tests; the Azurite-backed store has its own tests.</summary>
public sealed class InMemorySearchStore : ISearchStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SearchRecord> _searches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), TrialRecord> _trials = new();

    private int _outages;

    public IReadOnlyCollection<string> BlobNames => _blobs.Keys.ToList();

    /// <summary>Every blob (name and bytes) and every Searches and Trials row, as one text: equal texts mean equal stores.</summary>
    public string Snapshot()
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, bytes) in _blobs.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            text.Append("blob ").Append(name).Append(' ').AppendLine(Convert.ToBase64String(bytes));
        }

        foreach (var search in _searches.Values.OrderBy(s => s.SearchId, StringComparer.Ordinal))
        {
            text.Append("search ").AppendLine(System.Text.Json.JsonSerializer.Serialize(search));
        }

        foreach (var trial in _trials.Values.OrderBy(t => (t.SearchId, t.TrialId)))
        {
            text.Append("trial ").AppendLine(System.Text.Json.JsonSerializer.Serialize(trial));
        }

        return text.ToString();
    }

    /// <summary>The next this-many checkpoint or weights writes fail with a 503, as during a storage outage.</summary>
    public int WriteOutages
    {
        get => Math.Max(0, Volatile.Read(ref _outages));
        set => Volatile.Write(ref _outages, value);
    }

    /// <summary>Whether an outage is thrown as the storage client throws it once its own retries ran out: an AggregateException of each try's error.</summary>
    public bool OutagesAfterClientRetries { get; set; }

    private void ThrowIfOutage()
    {
        if (Interlocked.Decrement(ref _outages) >= 0)
        {
            throw OutagesAfterClientRetries
                ? new AggregateException(
                    "Retry failed after 2 tries.", new Azure.RequestFailedException(503, "synthetic storage outage"), new HttpRequestException("connection refused"))
                : new Azure.RequestFailedException(503, "synthetic storage outage");
        }
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task PutSpecAsync(string searchId, string json, CancellationToken cancellationToken = default) => PutText(BlobPaths.Spec(searchId), json);

    public Task<string?> GetSpecAsync(string searchId, CancellationToken cancellationToken = default) => GetText(BlobPaths.Spec(searchId));

    public Task PutControllerStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default) =>
        PutText(BlobPaths.ControllerState(searchId, round), json);

    public Task<string?> GetControllerStateAsync(string searchId, int round, CancellationToken cancellationToken = default) =>
        GetText(BlobPaths.ControllerState(searchId, round));

    public Task PutProposedStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default) =>
        PutText(BlobPaths.ProposedState(searchId, round), json);

    public Task<string?> GetProposedStateAsync(string searchId, int round, CancellationToken cancellationToken = default) =>
        GetText(BlobPaths.ProposedState(searchId, round));

    public Task<string> PutTrialWeightsAsync(string searchId, string trialId, ReadOnlyMemory<byte> weights, CancellationToken cancellationToken = default)
    {
        ThrowIfOutage();
        string name = BlobPaths.TrialWeights(searchId, trialId);
        _blobs[name] = weights.ToArray();
        return Task.FromResult(name);
    }

    public async Task<string> PutTrialWeightsAsync(string searchId, string trialId, Stream weights, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await weights.CopyToAsync(buffer, cancellationToken);
        return await PutTrialWeightsAsync(searchId, trialId, buffer.ToArray(), cancellationToken);
    }

    public Task<Stream?> OpenTrialWeightsAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(BlobPaths.TrialWeights(searchId, trialId), out var bytes) ? new MemoryStream(bytes) : null);

    public Task PutTrialCheckpointAsync(string searchId, string trialId, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        ThrowIfOutage();
        _blobs[BlobPaths.TrialCheckpoint(searchId, trialId)] = checkpoint.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetTrialCheckpointAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(BlobPaths.TrialCheckpoint(searchId, trialId), out var bytes) ? bytes.ToArray() : null);

    public Task PutTrialArchitectureAsync(string searchId, string trialId, string json, CancellationToken cancellationToken = default) =>
        PutText(BlobPaths.TrialArchitecture(searchId, trialId), json);

    public Task<string?> GetTrialArchitectureAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        GetText(BlobPaths.TrialArchitecture(searchId, trialId));

    public Task<string> PutReportAsync(string searchId, string name, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        string blob = BlobPaths.Report(searchId, name);
        _blobs[blob] = content.ToArray();
        return Task.FromResult(blob);
    }

    public async Task<string> PutReportAsync(string searchId, string name, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await PutReportAsync(searchId, name, buffer.ToArray(), contentType, cancellationToken);
    }

    public Task<Stream?> OpenReportAsync(string searchId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(BlobPaths.Report(searchId, name), out var bytes) ? new MemoryStream(bytes) : null);

    public Task UpsertSearchAsync(SearchRecord search, CancellationToken cancellationToken = default)
    {
        _searches[search.SearchId] = search;
        return Task.CompletedTask;
    }

    public Task<SearchRecord?> GetSearchAsync(string searchId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_searches.GetValueOrDefault(searchId));

    public Task<IReadOnlyList<SearchRecord>> ListSearchesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SearchRecord>>(_searches.Values.ToList());

    public Task UpsertTrialAsync(TrialRecord trial, CancellationToken cancellationToken = default)
    {
        _trials[(trial.SearchId, trial.TrialId)] = trial;
        return Task.CompletedTask;
    }

    public Task<TrialRecord?> GetTrialAsync(string searchId, string trialId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_trials.GetValueOrDefault((searchId, trialId)));

    public Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(string searchId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TrialRecord>>(_trials.Values.Where(t => t.SearchId == searchId).OrderBy(t => t.TrialId, StringComparer.Ordinal).ToList());

    public Task DeleteSearchAsync(string searchId, CancellationToken cancellationToken = default)
    {
        foreach (var name in _blobs.Keys.Where(n => n.StartsWith(BlobPaths.Search(searchId), StringComparison.Ordinal)))
        {
            _blobs.TryRemove(name, out _);
        }

        _searches.TryRemove(searchId, out _);
        return Task.CompletedTask;
    }

    private Task PutText(string name, string text)
    {
        _blobs[name] = System.Text.Encoding.UTF8.GetBytes(text);
        return Task.CompletedTask;
    }

    private Task<string?> GetText(string name) =>
        Task.FromResult(_blobs.TryGetValue(name, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : null);
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;

namespace NasFunctions.Api;

/// <summary>The HTTP API's handlers, shared by the Functions app and the local host (routes under <c>/api/searches</c>).</summary>
/// <param name="orchestrations">The durable engine.</param>
/// <param name="store">Blob and Table storage.</param>
/// <param name="ids">Makes search ids.</param>
/// <param name="time">The clock.</param>
/// <param name="limits">The host's spec limits (data roots, cores, caps); null: <see cref="SpecLimits.Default"/>.</param>
/// <param name="cost">The price table of estimated costs; null: <see cref="CostOptions"/>' defaults.</param>
public sealed partial class SearchApi(
    IOrchestrationClient orchestrations, ISearchStore store, SearchIdGenerator ids, TimeProvider time, SpecLimits? limits = null, CostOptions? cost = null)
{
    private readonly SpecLimits _limits = limits ?? SpecLimits.Default;
    private readonly CostOptions _cost = cost ?? new CostOptions();

    /// <summary><c>POST /api/searches</c>: validates the spec in full, then stores it and starts the search; 202 with status URLs.</summary>
    /// <remarks>A rejected spec (400, or 413 above <see cref="SpecLimits.MaxSpecBytes"/>) writes nothing; a failed write is undone.</remarks>
    public Task<ApiResponse> CreateAsync(string body, string baseUrl, CancellationToken cancellationToken = default) =>
        CreateAsync(body, baseUrl, ids.Next(), cancellationToken);

    /// <summary>As <c>POST /api/searches</c>, under an id the caller chose (a host that journals a search before accepting it).</summary>
    public async Task<ApiResponse> CreateAsync(string body, string baseUrl, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > _limits.MaxSpecBytes || Encoding.UTF8.GetByteCount(body) > _limits.MaxSpecBytes)
        {
            return SpecTooLarge(_limits.MaxSpecBytes);
        }

        var result = SearchSpecReader.Read(body, _limits);
        if (!result.IsValid)
        {
            return SpecProblems.Response(result.Errors);
        }

        var spec = result.Spec!;
        var now = time.GetUtcNow();
        try
        {
            await store.PutSpecAsync(id, body, cancellationToken);
            await store.UpsertSearchAsync(
                new SearchRecord
                {
                    SearchId = id,
                    Name = spec.Name,
                    Status = SearchStatus.Pending,
                    Strategy = spec.Strategy.Name,
                    SpaceKind = spec.Space.Kind,
                    Dataset = spec.Dataset.Name,
                    CreatedAt = now,
                    UpdatedAt = now,
                    RoundsPlanned = spec.Budget.Rounds,
                },
                cancellationToken);
            await orchestrations.StartAsync(TaskNames.SearchOrchestrator, id, new SearchRound(id, 0), cancellationToken);
        }
        catch
        {
            // Nothing half-made stays behind: the row and the spec go (the caller saw no 202, so no one knows the id).
            await ForgetAsync(id);
            throw;
        }

        string status = $"{baseUrl.TrimEnd('/')}/api/searches/{id}";
        var headers = new Dictionary<string, string> { ["Location"] = status, ["Retry-After"] = "5" };
        return new ApiResponse(202, new { id, statusQueryGetUri = status, trialsUri = $"{status}/trials" }, headers);
    }

    /// <summary><c>GET /api/searches/{id}</c>: runtime status, live progress, totals, the best trial, spend against each budget limit and the estimated cost.</summary>
    /// <remarks>A row that still says Pending or Running after its orchestration ended (failed, terminated) is corrected first.</remarks>
    public async Task<ApiResponse> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsId(id))
        {
            return NotFound(id);
        }

        var search = await store.GetSearchAsync(id, cancellationToken);
        var instance = await orchestrations.GetAsync(id, cancellationToken);
        if (search is null && instance is null)
        {
            return NotFound(id);
        }

        search = await ReconcileAsync(search, instance, cancellationToken);
        var spend = search is null ? null : await SpendAsync(search, cancellationToken);
        return ApiResponse.Ok(new
        {
            id,
            name = search?.Name,
            runtimeStatus = instance?.RuntimeStatus,
            status = search?.Status,
            progress = Parse<SearchProgress>(instance?.CustomStatusJson),
            output = Parse<SearchOutcome>(instance?.OutputJson),
            failure = instance?.FailureMessage,
            budget = spend?.Budget,
            cost = spend?.Cost,
            search,
        });
    }

    /// <summary><c>GET /api/searches</c>: every search, newest first.</summary>
    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken = default)
    {
        var searches = await store.ListSearchesAsync(cancellationToken);
        return ApiResponse.Ok(searches.OrderByDescending(s => s.CreatedAt).ToList());
    }

    /// <summary><c>GET /api/searches/{id}/trials</c>: the leaderboard, best validation accuracy first.</summary>
    public async Task<ApiResponse> TrialsAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsId(id) || await store.GetSearchAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var trials = await store.ListTrialsAsync(id, cancellationToken);
        return ApiResponse.Ok(trials
            .OrderByDescending(t => t.ValidationAccuracy ?? -1)
            .ThenBy(t => t.TrialId, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary><c>GET /api/searches/{id}/trials/{trialId}/weights</c>: the trained weights (TorchSharp state dict).</summary>
    public async Task<ApiResponse> WeightsAsync(string id, string trialId, CancellationToken cancellationToken = default)
    {
        if (!IsId(id) || !IsId(trialId))
        {
            return NotFound(id);
        }

        await using var stream = await store.OpenTrialWeightsAsync(id, trialId, cancellationToken);
        if (stream is null)
        {
            return ApiResponse.Problem(404, "Not found", $"Trial '{trialId}' of search '{id}' has no weights.");
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return new ApiResponse(200, buffer.ToArray(), new Dictionary<string, string>(), "application/octet-stream");
    }

    private async Task ForgetAsync(string id)
    {
        try
        {
            await store.DeleteSearchAsync(id, CancellationToken.None);
        }
        catch (Exception)
        {
            // The storage that just failed may fail again; the original error is the one to report.
        }
    }

    /// <summary>413 for a spec over <paramref name="maxBytes"/> (both hosts; the local host also stops larger bodies at the socket).</summary>
    public static ApiResponse SpecTooLarge(int maxBytes) =>
        ApiResponse.Problem(413, "Spec too large", $"A search spec may hold at most {maxBytes} bytes; nothing was started.");

    // An id that cannot be a search id is not echoed: it may be anything a caller typed.
    private static ApiResponse NotFound(string id) =>
        ApiResponse.Problem(404, "Not found", IsId(id) ? $"No search '{id}'." : "No such search.");

    private static bool IsId(string id) => IdPattern().IsMatch(id);

    private static T? Parse<T>(string? json)
        where T : class =>
        string.IsNullOrEmpty(json) || json == "null" ? null : JsonSerializer.Deserialize<T>(json, ApiResponse.Json);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

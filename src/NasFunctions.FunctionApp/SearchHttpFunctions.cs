using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NasFunctions.Api;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;

namespace NasFunctions.FunctionApp;

/// <summary>The HTTP API on Azure Functions: each trigger hands the request to the shared <see cref="SearchApi"/>.</summary>
public sealed class SearchHttpFunctions(ISearchStore store, SearchIdGenerator ids, TimeProvider time, SpecLimits limits, CostOptions cost)
{
    /// <summary><c>POST /api/searches</c>.</summary>
    [Function("CreateSearch")]
    public async Task<IActionResult> CreateSearch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "searches")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).CreateAsync(await request.HttpContext.ReadBodyAsync(), request.HttpContext.BaseUrl(), request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/searches</c>.</summary>
    [Function("ListSearches")]
    public async Task<IActionResult> ListSearches(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "searches")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).ListAsync(request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/searches/{id}</c>.</summary>
    [Function("GetSearch")]
    public async Task<IActionResult> GetSearch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "searches/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).GetAsync(id, request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/searches/{id}/trials</c>.</summary>
    [Function("ListTrials")]
    public async Task<IActionResult> ListTrials(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "searches/{id}/trials")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).TrialsAsync(id, request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/searches/{id}/trials/{trialId}/weights</c>.</summary>
    [Function("GetTrialWeights")]
    public async Task<IActionResult> GetTrialWeights(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "searches/{id}/trials/{trialId}/weights")] HttpRequest request,
        string id,
        string trialId,
        [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).WeightsAsync(id, trialId, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/searches/{id}/cancel[?mode=finish|terminate]</c>.</summary>
    [Function("CancelSearch")]
    public async Task<IActionResult> CancelSearch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "searches/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).CancelAsync(id, request.Query["mode"].ToString(), request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/searches/{id}/resume</c>.</summary>
    [Function("ResumeSearch")]
    public async Task<IActionResult> ResumeSearch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "searches/{id}/resume")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        await WriteAsync(request, await Api(client).ResumeAsync(id, request.HttpContext.BaseUrl(), request.HttpContext.RequestAborted));

    private SearchApi Api(DurableTaskClient client) => new(new DurableClientOrchestrationClient(client), store, ids, time, limits, cost);

    private static async Task<IActionResult> WriteAsync(HttpRequest request, ApiResponse response)
    {
        await request.HttpContext.WriteAsync(response);
        return new EmptyResult();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NasFunctions.Api;

namespace NasFunctions.Local.Http;

/// <summary>Maps the HTTP API's routes onto the shared <see cref="SearchApi"/> handlers.</summary>
public static class SearchEndpoints
{
    /// <summary>Adds <c>/api/searches</c> and its sub-routes.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/searches", async (HttpContext http, SearchAdmission admission) =>
        {
            string body = await http.ReadBodyAsync();
            await http.WriteAsync(await admission.CreateAsync(body, http.BaseUrl(), http.RequestAborted));
        });
        routes.MapGet("/api/searches", async (HttpContext http, SearchApi api) =>
            await http.WriteAsync(await api.ListAsync(http.RequestAborted)));
        routes.MapGet("/api/searches/{id}", async (HttpContext http, string id, SearchApi api) =>
            await http.WriteAsync(await api.GetAsync(id, http.RequestAborted)));
        routes.MapGet("/api/searches/{id}/trials", async (HttpContext http, string id, SearchApi api) =>
            await http.WriteAsync(await api.TrialsAsync(id, http.RequestAborted)));
        routes.MapPost("/api/searches/{id}/cancel", async (HttpContext http, string id, SearchApi api) =>
            await http.WriteAsync(await api.CancelAsync(id, http.Request.Query["mode"].ToString(), http.RequestAborted)));
        routes.MapPost("/api/searches/{id}/resume", async (HttpContext http, string id, SearchApi api) =>
            await http.WriteAsync(await api.ResumeAsync(id, http.BaseUrl(), http.RequestAborted)));
        routes.MapGet("/api/searches/{id}/trials/{trialId}/weights", async (HttpContext http, string id, string trialId, SearchApi api) =>
            await http.WriteAsync(await api.WeightsAsync(id, trialId, http.RequestAborted)));
        return routes;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using NasFunctions.Api;

namespace NasFunctions.Local.Http;

/// <summary>The local host's request pipeline around the routes: every refusal and error is one short problem+json.</summary>
public static class ProblemPipeline
{
    /// <summary>
    /// Adds, in order: errors (a malformed request gets its 4xx, anything else a 500 that names nothing), route-level
    /// 404/405 as problems, and the <paramref name="gate"/>.
    /// </summary>
    public static IApplicationBuilder UseProblemPipeline(this IApplicationBuilder app, RequestGate gate, int maxBodyBytes)
    {
        app.UseExceptionHandler(error => error.Run(http =>
        {
            var failure = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var response = failure switch
            {
                BadHttpRequestException { StatusCode: 413 } => SearchApi.SpecTooLarge(maxBodyBytes),
                BadHttpRequestException bad => ApiResponse.Problem(bad.StatusCode, "Bad request", "The request could not be read."),
                _ => ApiResponse.InternalError(),
            };
            return http.WriteAsync(response);
        }));
        app.UseStatusCodePages(context =>
        {
            int status = context.HttpContext.Response.StatusCode;
            string detail = status switch
            {
                404 => "No such route; the API lives under /api/searches.",
                405 => "This route does not take that method.",
                _ => "The request was refused.",
            };
            return context.HttpContext.WriteAsync(ApiResponse.Problem(status, ReasonPhrases.GetReasonPhrase(status), detail));
        });
        app.Use(async (http, next) =>
        {
            if (gate.Refuse(http) is { } refusal)
            {
                await http.WriteAsync(refusal);
                return;
            }

            await next(http);
        });
        return app;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using NasFunctions.Api;

namespace NasFunctions.FunctionApp;

/// <summary>Turns an error inside an HTTP function into the API's 500 problem details, as the local host's exception handler does.</summary>
/// <remarks>Other functions (orchestrators, activities) rethrow: the durable engine records and retries their failures.</remarks>
public sealed partial class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogFailed(logger, e, context.FunctionDefinition.Name);
            http.Response.Clear();
            await http.WriteAsync(ApiResponse.InternalError());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP function {Function} failed; the caller got a 500 problem.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}

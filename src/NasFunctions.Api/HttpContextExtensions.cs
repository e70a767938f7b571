using Microsoft.AspNetCore.Http;

namespace NasFunctions.Api;

/// <summary>Reads requests for and writes responses of the shared handlers on ASP.NET Core (both hosts use it).</summary>
public static class HttpContextExtensions
{
    /// <summary>The request body as text.</summary>
    public static async Task<string> ReadBodyAsync(this HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }

    /// <summary>The scheme and host the caller used, for absolute status URLs.</summary>
    public static string BaseUrl(this HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    /// <summary>Writes a transport-neutral response to the HTTP response.</summary>
    public static async Task WriteAsync(this HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(response.BodyBytes(), http.RequestAborted);
    }
}

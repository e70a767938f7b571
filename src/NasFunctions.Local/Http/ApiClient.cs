namespace NasFunctions.Local.Http;

/// <summary>HTTP clients for the CLI's own calls to a local host's API, with the API key when there is one.</summary>
public static class ApiClient
{
    /// <summary>A client for <paramref name="baseUrl"/> that sends <paramref name="apiKey"/> (when given) in <see cref="RequestGate.ApiKeyHeader"/>.</summary>
    public static HttpClient Create(string baseUrl, string? apiKey, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        if (timeout is { } limit)
        {
            http.Timeout = limit;
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Add(RequestGate.ApiKeyHeader, apiKey);
        }

        return http;
    }
}

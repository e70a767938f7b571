using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NasFunctions.Api;

namespace NasFunctions.Local.Http;

/// <summary>Refuses the requests a stranger could send the local host: no key, another origin, another host name, not JSON, too big.</summary>
/// <remarks>
/// On a loopback bind a web page the developer visits can still reach the host; browsers send its <c>Origin</c>, and a DNS
/// rebinding page sends its own name as <c>Host</c>, so both must be the host's own. A cross-origin form can post only
/// form or text content types, never <c>application/json</c>. With an API key every request must carry it (<c>x-api-key</c>
/// or <c>Authorization: Bearer</c>), compared in constant time.
/// </remarks>
public sealed class RequestGate
{
    /// <summary>The header that carries the API key (or <c>Authorization: Bearer KEY</c>).</summary>
    public const string ApiKeyHeader = "x-api-key";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];
    private readonly byte[]? _keyHash;
    private readonly bool _loopbackOnly;
    private readonly int _maxBodyBytes;

    /// <summary>A gate for a host bound to loopback (<paramref name="loopbackOnly"/>) or not, with an optional key and a body cap.</summary>
    public RequestGate(string? apiKey, bool loopbackOnly, int maxBodyBytes)
    {
        _keyHash = string.IsNullOrEmpty(apiKey) ? null : Hash(apiKey);
        _loopbackOnly = loopbackOnly;
        _maxBodyBytes = maxBodyBytes;
    }

    /// <summary>The refusal for this request, or null to let it through.</summary>
    public ApiResponse? Refuse(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (_loopbackOnly && !IsOwnLoopbackHost(request.Host, http.Connection.LocalPort))
        {
            return ApiResponse.Problem(403, "Forbidden", "This host answers only requests addressed to its loopback name and port (Host header).");
        }

        if (request.Headers.Origin is { Count: > 0 } origin
            && !string.Equals(origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResponse.Problem(403, "Forbidden", "Cross-origin requests are refused.");
        }

        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return ApiResponse.Problem(403, "Forbidden", "Cross-site requests are refused.");
        }

        if (_keyHash is not null && !HasKey(request))
        {
            return ApiResponse.Problem(401, "Unauthorized", $"This host needs its API key in the {ApiKeyHeader} header (or Authorization: Bearer).")
                with { Headers = new Dictionary<string, string> { [HeaderNames.WWWAuthenticate] = "Bearer" } };
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            return SearchApi.SpecTooLarge(_maxBodyBytes);
        }

        if (HttpMethods.IsPost(request.Method) && !IsJson(request.ContentType))
        {
            return ApiResponse.Problem(415, "Unsupported media type", "Send the body as Content-Type: application/json.");
        }

        return null;
    }

    private static bool IsOwnLoopbackHost(HostString host, int localPort) =>
        host.HasValue
        && LoopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase)
        && (host.Port ?? 80) == localPort;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private bool HasKey(HttpRequest request)
    {
        string? given = request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } header ? header
            : request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim()
            : null;
        return given is not null && CryptographicOperations.FixedTimeEquals(Hash(given), _keyHash);
    }

    // Both sides hashed first, so the comparison takes the same time whatever the lengths.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

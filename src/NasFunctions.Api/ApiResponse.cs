using System.Text.Json;

namespace NasFunctions.Api;

/// <summary>A transport-neutral HTTP response: status, JSON body (or bytes) and headers; each host writes it its own way.</summary>
public sealed record ApiResponse(int Status, object? Body, IReadOnlyDictionary<string, string> Headers, string ContentType = "application/json")
{
    /// <summary>JSON options every response body is written with (camelCase, indented).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>200 with a JSON body.</summary>
    public static ApiResponse Ok(object body) => new(200, body, NoHeaders);

    /// <summary>A problem-details response (RFC 9457) with optional field errors.</summary>
    public static ApiResponse Problem(int status, string title, string detail, IReadOnlyList<object>? errors = null) =>
        new(status, new ProblemDetails("about:blank", title, status, detail, errors), NoHeaders, "application/problem+json");

    /// <summary>The 500 answer to an error inside a handler: one short problem, no exception text, stack or path.</summary>
    public static ApiResponse InternalError() =>
        Problem(500, "Internal error", "The request failed inside the host; see the host's log.");

    /// <summary>Writes the body as UTF-8 bytes (JSON bodies serialized with <see cref="Json"/>).</summary>
    public byte[] BodyBytes() => Body switch
    {
        null => [],
        byte[] bytes => bytes,
        _ => JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), Json),
    };
}

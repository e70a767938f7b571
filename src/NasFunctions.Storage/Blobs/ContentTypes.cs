namespace NasFunctions.Storage.Blobs;

/// <summary>Guesses a blob's content type from its name's extension.</summary>
internal static class ContentTypes
{
    public const string Json = "application/json";
    public const string Binary = "application/octet-stream";

    private static readonly Dictionary<string, string> _byExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = Json,
        [".csv"] = "text/csv",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".html"] = "text/html",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    public static string ForName(string name) =>
        _byExtension.TryGetValue(Path.GetExtension(name), out var type) ? type : Binary;
}

using System.Security.Cryptography;
using System.Text;

namespace NasFunctions.Orchestration.Datasets;

/// <summary>Where a blob prefix's files lie on the host: one folder per (endpoint, container, prefix), none inside another.</summary>
/// <remarks>
/// The prefix becomes one escaped folder name (<c>wine/wine.csv</c> is <c>wine%2Fwine.csv</c>), not nested folders: nested, the
/// folder of <c>mnist/small/</c> (or of a blob under <c>mnist/</c>) would create <c>mnist</c> and pass for the finished download
/// of <c>mnist/</c>. A folder appears only by renaming a finished download, so one that exists is complete. Downloads run in
/// <c>.partial-*</c> siblings, which no entry's name can match (entry names never start with '.').
/// </remarks>
internal static class BlobDatasetCacheLayout
{
    public const string PartialPrefix = ".partial-";

    // Linux and Windows allow 255 characters a name; long prefixes keep their start and a hash of the whole.
    private const int MaxNameLength = 160;

    /// <summary>The folder of one container of one account: <c>{root}/{endpoint}/{container}</c>.</summary>
    public static string ContainerFolder(string root, Uri containerUri, string container) =>
        Path.Combine(Path.GetFullPath(root), EndpointName(containerUri), container);

    /// <summary>The finished download of a prefix, inside its container's folder.</summary>
    public static string EntryFolder(string containerFolder, string prefix) => Path.Combine(containerFolder, EntryName(prefix));

    /// <summary>A fresh folder name to download into, beside the entries.</summary>
    public static string PartialFolder(string containerFolder) =>
        Path.Combine(containerFolder, PartialPrefix + Guid.NewGuid().ToString("N"));

    /// <summary>The account's endpoint as one folder name: <c>myaccount.blob.core.windows.net</c>, <c>127.0.0.1-10000-devstoreaccount1</c>.</summary>
    private static string EndpointName(Uri containerUri)
    {
        var account = containerUri.Segments.Length > 2 ? containerUri.Segments[1].TrimEnd('/') : null; // path-style (Azurite)
        var name = containerUri.Host + (containerUri.IsDefaultPort ? "" : $"-{containerUri.Port}") + (account is null ? "" : $"-{account}");
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
    }

    private static string EntryName(string prefix)
    {
        var escaped = Uri.EscapeDataString(prefix);
        if (escaped.StartsWith('.'))
        {
            escaped = "%2E" + escaped[1..];
        }

        if (escaped.Length <= MaxNameLength)
        {
            return escaped;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prefix)))[..32];
        return escaped[..(MaxNameLength - hash.Length - 1)] + "-" + hash;
    }
}

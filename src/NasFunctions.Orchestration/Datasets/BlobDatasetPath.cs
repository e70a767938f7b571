using NasFunctions.Evaluator.Data;

namespace NasFunctions.Orchestration.Datasets;

/// <summary>A data set path of the form <c>blob:PREFIX</c>: one blob, or a folder prefix ending in '/', in the data-set container.</summary>
/// <remarks>
/// Checked on its own, without storage: a spec names a cloud data set this way and its reader lists the problems. Image sets and
/// the SpamAssassin corpus are folders, so they take a folder prefix; a CSV data set takes either, as a local path does (the CSV
/// itself, or a folder holding <c>train.csv</c> and maybe <c>test.csv</c>).
/// </remarks>
public sealed record BlobDatasetPath
{
    /// <summary>The text a blob data set path starts with: <c>blob:</c>.</summary>
    public const string Scheme = "blob:";

    /// <summary>Longest blob name Azure Storage accepts, in characters.</summary>
    public const int MaxPrefixLength = 1024;

    private BlobDatasetPath(string prefix) => Prefix = prefix;

    /// <summary>The blob name, or the folder prefix (ending in '/'), inside the data-set container.</summary>
    public string Prefix { get; }

    /// <summary>Whether <see cref="Prefix"/> names a folder (ends in '/') rather than one blob.</summary>
    public bool IsFolder => Prefix.EndsWith('/');

    /// <summary>The last segment of the prefix: the file name of a one-blob data set, or the folder's name.</summary>
    public string LastSegment => Prefix.TrimEnd('/').Split('/')[^1];

    /// <summary>Whether <paramref name="path"/> names a blob data set (starts with <c>blob:</c>).</summary>
    public static bool IsBlob(string? path) => path is not null && path.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>Every problem with <paramref name="path"/> as the blob path of a data set of <paramref name="kind"/>; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(string path, DatasetKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsBlob(path))
        {
            return [$"'{path}' is not a blob data set path; those start with '{Scheme}'."];
        }

        var prefix = path[Scheme.Length..];
        var problems = new List<string>();
        if (prefix.Trim('/').Length == 0)
        {
            problems.Add($"'{path}' names no blob: write {Scheme}NAME for one blob (a CSV) or {Scheme}FOLDER/ for a folder.");
            return problems;
        }

        if (prefix.Length > MaxPrefixLength)
        {
            problems.Add($"the blob prefix is {prefix.Length} characters long; Azure Storage allows at most {MaxPrefixLength}.");
        }

        if (prefix.StartsWith('/'))
        {
            problems.Add($"the blob prefix '{prefix}' must not start with '/'; it is relative to the data-set container.");
        }

        if (prefix.Contains('\\', StringComparison.Ordinal))
        {
            problems.Add($"the blob prefix '{prefix}' contains '\\'; separate folders with '/'.");
        }

        if (prefix.Any(char.IsControl))
        {
            problems.Add("the blob prefix contains a control character.");
        }

        var segments = prefix.TrimStart('/').Split('/');
        var inner = prefix.EndsWith('/') ? segments[..^1] : segments;
        if (inner.Any(s => s is "." or ".."))
        {
            problems.Add($"the blob prefix '{prefix}' has a '.' or '..' segment; name the blobs directly.");
        }
        else if (inner.Any(s => s.Length == 0))
        {
            problems.Add($"the blob prefix '{prefix}' has an empty segment ('//').");
        }

        if (!prefix.EndsWith('/') && kind is not (DatasetKind.Csv or DatasetKind.TextCsv or DatasetKind.ParallelTsv or DatasetKind.CmuDict))
        {
            problems.Add($"a {kind} data set is a folder of files: end the prefix with '/' ({path}/).");
        }

        return problems;
    }

    /// <summary>Reads a blob data set path for a data set of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">The path is not a usable blob path; every problem is listed.</exception>
    public static BlobDatasetPath Parse(string path, DatasetKind kind)
    {
        var problems = Problems(path, kind);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid blob data set path '{path}': " + string.Join(" ", problems), nameof(path));
        }

        return new BlobDatasetPath(path[Scheme.Length..]);
    }

    /// <inheritdoc />
    public override string ToString() => Scheme + Prefix;
}

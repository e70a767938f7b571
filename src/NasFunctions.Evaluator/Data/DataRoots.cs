namespace NasFunctions.Evaluator.Data;

/// <summary>The folders a caller's data-set path may point into, and the check that a path stays inside them.</summary>
/// <remarks>
/// A path is accepted when it is absolute, has no <c>..</c> segment, and, with every symbolic link resolved as the kernel
/// would, names a regular file or a folder inside one of the roots (a folder's entries, links resolved, must stay inside
/// too). Files must have a size (devices, pipes and <c>/proc</c> files report none) and, together, fit the byte cap. A
/// path outside the roots gets one message, whether or not it exists, so the check reveals nothing about other files.
/// </remarks>
public sealed class DataRoots
{
    /// <summary>Debian's data-set folder (the <c>dataset-*</c> packages install there).</summary>
    public const string DebianDatasets = "/usr/share/datasets";

    /// <summary>The one answer for every path outside the roots (or not absolute, or with <c>..</c>).</summary>
    public const string OutsideMessage =
        "must be an absolute path to a file or folder inside the host's data roots, or blob:PREFIX for the data-set container";

    private const int MaxLinks = 40;
    private const int MaxEntries = 100_000;
    private readonly IReadOnlyList<string> _roots;

    /// <summary>Roots (absolute folders; missing ones are skipped) and the most bytes a data set's files may hold together.</summary>
    public DataRoots(IEnumerable<string> roots, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxBytes = maxBytes;
        _roots = roots.Select(r => Resolve(r, out _)).OfType<string>().Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The most bytes the files of one data set may hold together.</summary>
    public long MaxBytes { get; }

    /// <summary>The problem with <paramref name="path"/> as a caller's data-set path; null when it may be read.</summary>
    public string? Problem(string path) => Check(path, out _);

    /// <summary>The real path (links resolved) to read for <paramref name="path"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">The path may not be read; the message is <see cref="Problem"/>'s.</exception>
    public string Resolve(string path) =>
        Check(path, out var real) is { } problem ? throw new UnauthorizedAccessException($"Data set path {problem}.") : real!;

    private string? Check(string path, out string? real)
    {
        real = null;
        if (string.IsNullOrWhiteSpace(path) || path.Any(char.IsControl) || !Path.IsPathFullyQualified(path)
            || path.Split('/', '\\').Contains(".."))
        {
            return OutsideMessage;
        }

        var resolved = Resolve(path, out bool exists);
        if (resolved is null || !Inside(resolved))
        {
            return OutsideMessage;
        }

        if (!exists)
        {
            return "names nothing that exists in the host's data roots";
        }

        real = resolved;
        return Directory.Exists(resolved) ? CheckFolder(resolved) : CheckFile(resolved, 0);
    }

    private string? CheckFolder(string folder)
    {
        long total = 0;
        int entries = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0, MaxRecursionDepth = 16,
        }))
        {
            if (++entries > MaxEntries)
            {
                return $"names a folder with more than {MaxEntries} entries";
            }

            var target = Resolve(entry, out bool exists);
            if (target is null || !exists || !Inside(target))
            {
                return "names a folder holding a link that leads outside the host's data roots";
            }

            if (Directory.Exists(target))
            {
                continue;
            }

            if (CheckFile(target, total) is { } problem)
            {
                return problem;
            }

            total += new FileInfo(target).Length;
        }

        return null;
    }

    private string? CheckFile(string file, long before)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length == 0)
        {
            return "names something that is not a regular file with data (empty files, devices and pipes are refused)";
        }

        return before + info.Length > MaxBytes ? $"names data larger than the host's cap of {MaxBytes} bytes" : null;
    }

    private bool Inside(string resolved) =>
        _roots.Any(root => resolved == root || resolved.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal));

    /// <summary>
    /// The path with every link resolved component by component (as the kernel does, <c>..</c> applied to the real parent);
    /// when a component is missing, the real prefix joined with the rest, and <paramref name="exists"/> false. Null for a loop.
    /// </summary>
    private static string? Resolve(string path, out bool exists)
    {
        exists = true;
        var done = new List<string>();
        var pending = new LinkedList<string>(Parts(Path.GetFullPath(path)));
        int links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            string part = first.Value;
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (done.Count > 0)
                {
                    done.RemoveAt(done.Count - 1);
                }

                continue;
            }

            string candidate = Join(done) + "/" + part;
            string? link = exists ? new FileInfo(candidate).LinkTarget : null;
            if (link is not null)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }

                if (link.StartsWith('/'))
                {
                    done.Clear();
                }

                foreach (var linkPart in Parts(link).Reverse())
                {
                    pending.AddFirst(linkPart);
                }

                continue;
            }

            if (exists && !File.Exists(candidate) && !Directory.Exists(candidate))
            {
                exists = false;
            }

            done.Add(part);
        }

        return Join(done) is { Length: > 0 } joined ? joined : "/";
    }

    private static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(List<string> parts) => parts.Count == 0 ? "" : "/" + string.Join('/', parts);
}

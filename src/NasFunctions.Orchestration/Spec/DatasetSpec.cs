using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Which data set a search trains on, and how it is split and (for text) encoded.</summary>
/// <param name="Name">The data set: one of <see cref="Known"/>; default <c>fashion-mnist</c>.</param>
/// <param name="Path">
/// Its folder (or CSV or TSV file); null for the default folder (Fashion-MNIST, SpamAssassin, Debian messages and CMUdict
/// have one); or <c>blob:PREFIX</c> for
/// blobs in the storage account's data-set container: one blob (<c>blob:wine/wine.csv</c>) or a folder (<c>blob:fashion-mnist/</c>).
/// </param>
/// <param name="ValidationFraction">Share of the training set held out for validation (default 0.1).</param>
/// <param name="LabelColumn">CSV column holding the class (<c>csv</c>, <c>text-csv</c>; default <c>label</c>).</param>
/// <param name="TextColumn">CSV column holding the text (<c>text-csv</c>; default <c>text</c>).</param>
/// <param name="TestFraction">Share held out for testing when the data has no test file (default 0.2).</param>
/// <param name="MaxVocabulary">Most token ids a text vocabulary keeps, <c>&lt;pad&gt;</c> and <c>&lt;unk&gt;</c> included (default 20,000).</param>
/// <param name="MaxLength">Tokens per text sequence (default 256); for a parallel data set, the longest training pair kept.</param>
/// <param name="Tokenizer">
/// How a parallel data set's texts become tokens (<see cref="Tokenizers"/>): <c>char</c>, <c>bpe</c> (subwords learned from the
/// train split, at most <paramref name="MaxVocabulary"/> ids) or <c>phoneme</c> (symbols between spaces); null for the data
/// set's default (characters for CMUdict's words, subwords otherwise).
/// </param>
public sealed record DatasetSpec(
    string Name,
    string? Path,
    double ValidationFraction,
    string LabelColumn = "label",
    string TextColumn = "text",
    double TestFraction = 0.2,
    int MaxVocabulary = 20_000,
    int MaxLength = 256,
    string? Tokenizer = null)
{
    /// <summary>The tokenizers a spec may name, and the loader's name for each.</summary>
    public static IReadOnlyDictionary<string, string> Tokenizers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["char"] = CharacterTokenizer.Name,
        ["bpe"] = SubwordTokenizer.Name,
        ["phoneme"] = PhonemeTokenizer.Name,
    };

    /// <summary>The data sets this version can train on.</summary>
    public static IReadOnlyList<string> Known => DatasetOptions.KnownNames;

    /// <summary>Fashion-MNIST from its default folder, 10% held out for validation.</summary>
    public static DatasetSpec Default { get; } = new("fashion-mnist", null, 0.1);

    /// <summary>The loader's options for this data set, split by <paramref name="seed"/>.</summary>
    public DatasetOptions ToOptions(int seed) => new()
    {
        Name = Name,
        Path = Path,
        ValidationFraction = ValidationFraction,
        LabelColumn = LabelColumn,
        TextColumn = TextColumn,
        TestFraction = TestFraction,
        MaxVocabulary = MaxVocabulary,
        MaxLength = MaxLength,
        Tokenizer = Tokenizer is null ? null : Tokenizers.GetValueOrDefault(Tokenizer, Tokenizer),
        Seed = seed,
    };
}

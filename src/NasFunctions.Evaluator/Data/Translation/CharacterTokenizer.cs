namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Characters as tokens: each character alone, each space as ▁, each printf placeholder whole.</summary>
public sealed class CharacterTokenizer : SequenceTokenizer
{
    /// <summary>The name of this tokenizer in options.</summary>
    public const string Name = "characters";

    private CharacterTokenizer(Vocabulary vocabulary)
        : base(vocabulary)
    {
    }

    /// <inheritdoc />
    public override string Kind => Name;

    /// <summary>Learns the characters of <paramref name="texts"/> (the train split's) seen at least <paramref name="minCount"/> times, at most <paramref name="maxVocabulary"/> ids.</summary>
    public static CharacterTokenizer Learn(IEnumerable<string> texts, int maxVocabulary, int minCount)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new CharacterTokenizer(VocabularyOf(texts.Select(t => (IReadOnlyList<string>)Atoms(t)), maxVocabulary, minCount));
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Tokenize(string text) => Atoms(text);

    /// <inheritdoc />
    public override string Detokenize(IEnumerable<string> tokens) => Join(tokens);
}

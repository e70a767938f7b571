namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Space-separated symbols as tokens: the phonemes of a pronunciation (<c>HH AH0 L OW1</c>), or words.</summary>
public sealed class PhonemeTokenizer : SequenceTokenizer
{
    /// <summary>The name of this tokenizer in options and records.</summary>
    public const string Name = "phonemes";

    private PhonemeTokenizer(Vocabulary vocabulary)
        : base(vocabulary)
    {
    }

    /// <inheritdoc />
    public override string Kind => Name;

    /// <summary>Learns the symbols of <paramref name="texts"/> (the train split's) seen at least <paramref name="minCount"/> times, at most <paramref name="maxVocabulary"/> ids.</summary>
    public static PhonemeTokenizer Learn(IEnumerable<string> texts, int maxVocabulary, int minCount)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new PhonemeTokenizer(VocabularyOf(texts.Select(t => (IReadOnlyList<string>)Split(t)), maxVocabulary, minCount));
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Tokenize(string text) => Split(text);

    /// <inheritdoc />
    public override string Detokenize(IEnumerable<string> tokens) => string.Join(' ', tokens);

    private static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

using System.Buffers;
using System.Text;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Turns one side of a parallel corpus into tokens and ids and back, over a vocabulary learned from the train split.</summary>
/// <remarks>
/// Every vocabulary starts <c>&lt;pad&gt;</c> (0), <c>&lt;unk&gt;</c> (1), <c>&lt;s&gt;</c> (2), <c>&lt;/s&gt;</c> (3).
/// <see cref="Encode"/> gives the text's ids without the begin and end marks (a trainer adds them); <see cref="Decode"/>
/// stops at <c>&lt;/s&gt;</c> and skips <c>&lt;pad&gt;</c> and <c>&lt;s&gt;</c>.
/// </remarks>
public abstract class SequenceTokenizer
{
    /// <summary>The begin-of-sequence token's text.</summary>
    public const string Begin = "<s>";

    /// <summary>The end-of-sequence token's text.</summary>
    public const string End = "</s>";

    /// <summary>The begin-of-sequence token's id.</summary>
    public const int BeginId = 2;

    /// <summary>The end-of-sequence token's id.</summary>
    public const int EndId = 3;

    /// <summary>The mark standing for a space inside character and subword tokens (U+2581, as SentencePiece writes it).</summary>
    public const string SpaceMark = "\u2581";

    /// <summary>Creates a tokenizer over its vocabulary.</summary>
    protected SequenceTokenizer(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count < 4 || vocabulary.Tokens[BeginId] != Begin || vocabulary.Tokens[EndId] != End)
        {
            throw new ArgumentException($"A sequence vocabulary starts {Vocabulary.Pad}, {Vocabulary.Unknown}, {Begin}, {End}.", nameof(vocabulary));
        }

        Vocabulary = vocabulary;
    }

    /// <summary>The tokenizer's name in options and records: "characters", "subwords" or "phonemes".</summary>
    public abstract string Kind { get; }

    /// <summary>The token ids, learned from the train split.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The tokens of a text, in order (tokens outside the vocabulary included as they are).</summary>
    public abstract IReadOnlyList<string> Tokenize(string text);

    /// <summary>The text the tokens spell (the inverse of <see cref="Tokenize"/>).</summary>
    public abstract string Detokenize(IEnumerable<string> tokens);

    /// <summary>The ids of a text's tokens (<c>&lt;unk&gt;</c> for tokens outside the vocabulary), without begin or end marks.</summary>
    public int[] Encode(string text) => Tokenize(text).Select(Vocabulary.IdOf).ToArray();

    /// <summary>The text of ids: stops at <c>&lt;/s&gt;</c>, skips <c>&lt;pad&gt;</c> and <c>&lt;s&gt;</c>.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Detokenize(ids.TakeWhile(id => id != EndId).Where(id => id is not (Vocabulary.PadId or BeginId)).Select(id => Vocabulary.Tokens[id]));
    }

    /// <summary>
    /// A sequence vocabulary from tokenized texts: the reserved four, then tokens occurring at least <paramref name="minCount"/>
    /// times, most frequent first, at most <paramref name="maxSize"/> ids in all.
    /// </summary>
    protected static Vocabulary VocabularyOf(IEnumerable<IReadOnlyList<string>> documents, int maxSize, int minCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 5);
        var words = Vocabulary.Build(documents, maxSize - 2, minCount).Tokens.Skip(2).Where(t => t is not (Begin or End));
        return new Vocabulary([Vocabulary.Pad, Vocabulary.Unknown, Begin, End, .. words]);
    }

    /// <summary>
    /// The atoms of a text: each placeholder whole, each space as <see cref="SpaceMark"/>, each other character (a surrogate pair
    /// as one) alone.
    /// </summary>
    protected static List<string> Atoms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var atoms = new List<string>(text.Length);
        var at = 0;
        void Characters(int end)
        {
            while (at < end)
            {
                var whole = Rune.DecodeFromUtf16(text.AsSpan(at, end - at), out var rune, out var used) == OperationStatus.Done;
                atoms.Add(!whole ? text[at].ToString() : rune.Value == ' ' ? SpaceMark : rune.ToString());
                at += whole ? used : 1;
            }
        }

        foreach (var placeholder in Placeholders.In(text))
        {
            Characters(placeholder.Index);
            atoms.Add(placeholder.Value);
            at = placeholder.Index + placeholder.Length;
        }

        Characters(text.Length);
        return atoms;
    }

    /// <summary>Tokens joined, <see cref="SpaceMark"/> read as a space.</summary>
    protected static string Join(IEnumerable<string> tokens) =>
        string.Concat(tokens).Replace(SpaceMark, " ", StringComparison.Ordinal);
}

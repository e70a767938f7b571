using System.Collections.Concurrent;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Subwords as tokens: byte-pair encoding (Sennrich et al., 2016) over characters, learned from the train split.</summary>
/// <remarks>
/// A text is cut into words at its spaces, each word starting with ▁ (the first too, as SentencePiece does, so a word has the
/// same tokens wherever it stands). Learning starts from the characters seen at least <c>minCount</c> times and repeatedly
/// merges the most frequent adjacent pair of symbols (ties in ordinal order) until the vocabulary reaches its cap or no pair
/// occurs twice. Printf placeholders (<c>%s</c>, <c>%1$d</c>) are atoms that never merge, so each stays one token; so do
/// characters outside the vocabulary (<c>&lt;unk&gt;</c>). Tokenizing applies the learned merges in learning order.
/// </remarks>
public sealed class SubwordTokenizer : SequenceTokenizer
{
    /// <summary>The name of this tokenizer in options.</summary>
    public const string Name = "subwords";

    private const int MaxCachedWords = 200_000;
    private readonly Dictionary<(string Left, string Right), int> _ranks;
    private readonly ConcurrentDictionary<string, string[]> _words = new(StringComparer.Ordinal);

    private SubwordTokenizer(Vocabulary vocabulary, IReadOnlyList<(string Left, string Right)> merges)
        : base(vocabulary)
    {
        Merges = merges;
        _ranks = new Dictionary<(string, string), int>(merges.Count);
        for (var i = 0; i < merges.Count; i++)
        {
            _ranks.TryAdd(merges[i], i);
        }
    }

    /// <inheritdoc />
    public override string Kind => Name;

    /// <summary>The learned merges, in the order they are applied.</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>Learns merges from <paramref name="texts"/> (the train split's) until the vocabulary holds <paramref name="maxVocabulary"/> ids.</summary>
    /// <param name="texts">The texts to learn from.</param>
    /// <param name="maxVocabulary">Most ids, the four reserved tokens included (at least 5).</param>
    /// <param name="minCount">Fewest occurrences a character needs to enter the vocabulary (at least 1).</param>
    public static SubwordTokenizer Learn(IEnumerable<string> texts, int maxVocabulary, int minCount)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVocabulary, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var wordCounts = new Dictionary<string, (List<string> Atoms, int Count)>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in Words(text))
            {
                var key = string.Join('\u0001', word);
                wordCounts[key] = wordCounts.TryGetValue(key, out var seen) ? (seen.Atoms, seen.Count + 1) : (word, 1);
            }
        }

        var words = wordCounts.Values.ToArray();
        var atomCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (atoms, count) in words)
        {
            foreach (var atom in atoms)
            {
                atomCounts[atom] = atomCounts.GetValueOrDefault(atom) + count;
            }
        }

        var baseSymbols = atomCounts.Where(p => p.Value >= minCount && p.Key is not (Vocabulary.Pad or Vocabulary.Unknown or Begin or End))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(maxVocabulary - 4).Select(p => p.Key).ToList();
        var tokens = new List<string>([Vocabulary.Pad, Vocabulary.Unknown, Begin, End, .. baseSymbols]);
        var known = new HashSet<string>(tokens, StringComparer.Ordinal);
        var symbols = words.Select(w => w.Atoms.Select(a => known.Contains(a) ? a : Vocabulary.Unknown).ToList()).ToArray();
        var merges = new List<(string, string)>();
        new PairCounts(symbols, words.Select(w => w.Count).ToArray()).MergeWhile(tokens.Count < maxVocabulary, merged =>
        {
            merges.Add(merged);
            var symbol = merged.Left + merged.Right;
            if (known.Add(symbol))
            {
                tokens.Add(symbol);
            }

            return tokens.Count < maxVocabulary;
        });

        return new SubwordTokenizer(new Vocabulary(tokens), merges);
    }

    /// <summary>A tokenizer from merges learned before (and the vocabulary they made).</summary>
    public static SubwordTokenizer FromMerges(Vocabulary vocabulary, IReadOnlyList<(string Left, string Right)> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        return new SubwordTokenizer(vocabulary, merges);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var word in Words(text))
        {
            var key = string.Join('\u0001', word);
            if (!_words.TryGetValue(key, out var pieces))
            {
                pieces = Apply(word);
                if (_words.Count < MaxCachedWords)
                {
                    _words.TryAdd(key, pieces);
                }
            }

            tokens.AddRange(pieces);
        }

        return tokens;
    }

    /// <inheritdoc />
    public override string Detokenize(IEnumerable<string> tokens)
    {
        var text = Join(tokens);
        return text.StartsWith(' ') ? text[1..] : text;
    }

    /// <summary>True when two symbols may merge: neither is a placeholder nor <c>&lt;unk&gt;</c>.</summary>
    internal static bool Mergeable(string symbol) =>
        symbol != Vocabulary.Unknown && !(symbol.Length > 1 && symbol[0] == '%' && Placeholders.IsPlaceholder(symbol));

    // The atoms of ▁ + text, cut before every ▁.
    private static IEnumerable<List<string>> Words(string text)
    {
        List<string>? word = null;
        foreach (var atom in Atoms(text).Prepend(SpaceMark))
        {
            if (atom == SpaceMark)
            {
                if (word is not null)
                {
                    yield return word;
                }

                word = [];
            }

            word!.Add(atom);
        }

        if (word is not null)
        {
            yield return word;
        }
    }

    private string[] Apply(List<string> atoms)
    {
        var symbols = new List<string>(atoms);
        while (symbols.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }

            if (best < 0)
            {
                break;
            }

            var (left, right) = (symbols[best], symbols[best + 1]);
            PairCounts.MergeInto(symbols, left, right);
        }

        return [.. symbols];
    }
}

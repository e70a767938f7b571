namespace NasFunctions.Evaluator.Data;

/// <summary>Token ids for text: <c>&lt;pad&gt;</c> is 0, <c>&lt;unk&gt;</c> is 1, then the kept tokens, most frequent first.</summary>
public sealed class Vocabulary
{
    /// <summary>Id of the padding token, which fills sequences shorter than their fixed length.</summary>
    public const int PadId = 0;

    /// <summary>Id of the unknown token, which stands for every token not in the vocabulary.</summary>
    public const int UnknownId = 1;

    /// <summary>The padding token's text.</summary>
    public const string Pad = "<pad>";

    /// <summary>The unknown token's text.</summary>
    public const string Unknown = "<unk>";

    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a vocabulary from its tokens in id order, <c>&lt;pad&gt;</c> and <c>&lt;unk&gt;</c> first.</summary>
    public Vocabulary(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < 2 || tokens[PadId] != Pad || tokens[UnknownId] != Unknown)
        {
            throw new ArgumentException($"A vocabulary starts with {Pad} and {Unknown}.", nameof(tokens));
        }

        Tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_ids.TryAdd(tokens[i], i))
            {
                throw new ArgumentException($"Token '{tokens[i]}' appears twice.", nameof(tokens));
            }
        }
    }

    /// <summary>The tokens by id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Number of ids, <c>&lt;pad&gt;</c> and <c>&lt;unk&gt;</c> included.</summary>
    public int Count => Tokens.Count;

    /// <summary>
    /// Builds a vocabulary from tokenized documents (the train split's only): tokens occurring at least
    /// <paramref name="minCount"/> times, the most frequent first (ties in ordinal order), at most <paramref name="maxSize"/> ids in all.
    /// </summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> documents, int maxSize, int minCount)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var kept = counts
            .Where(p => p.Value >= minCount && p.Key is not (Pad or Unknown))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxSize - 2)
            .Select(p => p.Key);
        return new Vocabulary([Pad, Unknown, .. kept]);
    }

    /// <summary>The id of a token; <see cref="UnknownId"/> when it is not in the vocabulary.</summary>
    public int IdOf(string token) => _ids.GetValueOrDefault(token, UnknownId);

    /// <summary>
    /// The ids of the first <paramref name="length"/> tokens, padded with <see cref="PadId"/> at the end when there are fewer.
    /// </summary>
    public int[] Encode(IReadOnlyList<string> tokens, int length)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var ids = new int[length];
        for (var i = 0; i < Math.Min(length, tokens.Count); i++)
        {
            ids[i] = IdOf(tokens[i]);
        }

        return ids;
    }
}

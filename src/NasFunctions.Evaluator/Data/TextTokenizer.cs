namespace NasFunctions.Evaluator.Data;

/// <summary>Splits text into lowercase words: maximal runs of letters and digits; every other character separates.</summary>
/// <remarks>"Don't e-mail ME@x.org 2x!" gives don, t, e, mail, me, x, org, 2x. Lowercasing is culture-invariant.</remarks>
public static class TextTokenizer
{
    /// <summary>The tokens of a text, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string text) => Tokenize(text, int.MaxValue);

    /// <summary>The first <paramref name="maxTokens"/> tokens of a text, in order (the rest of the text is not read).</summary>
    public static IReadOnlyList<string> Tokenize(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length && tokens.Count < maxTokens; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }
}

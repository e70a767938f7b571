using System.Text.RegularExpressions;

namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>The <c>13a</c> tokenization of mteval-v13a.pl, as sacreBLEU applies it by default before counting BLEU's n-grams.</summary>
/// <remarks>
/// Drops <c>&lt;skipped&gt;</c>, joins <c>-</c> line breaks, reads line breaks as spaces, unescapes <c>&amp;quot; &amp;amp;
/// &amp;lt; &amp;gt;</c>; then puts spaces around ASCII punctuation and symbols (<c>{|}~ [\]^_` !"#$%&amp; ()*+ :;&lt;=&gt;?@ /</c>),
/// around periods and commas except between digits, and after a dash that follows a digit; white space runs become one space.
/// </remarks>
public static partial class Tokenizer13a
{
    /// <summary>The tokens of a sentence.</summary>
    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Replace("<skipped>", "", StringComparison.Ordinal).Replace("-\n", "", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = Symbols().Replace($" {line} ", " $1 ");
        line = PeriodCommaAfter().Replace(line, "$1 $2 ");
        line = PeriodCommaBefore().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])", RegexOptions.CultureInvariant)]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodCommaAfter();

    [GeneratedRegex(@"([\.,])([^0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodCommaBefore();

    [GeneratedRegex(@"([0-9])(-)", RegexOptions.CultureInvariant)]
    private static partial Regex DashAfterDigit();
}

using System.Text.RegularExpressions;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Finds printf-style placeholders (<c>%s</c>, <c>%1$d</c>, <c>%-10.3lf</c>, <c>%zu</c>, <c>%%</c>) in a message.</summary>
/// <remarks>
/// A placeholder is <c>%</c>, an optional argument number (<c>1$</c>), flags (<c>-+ #0'</c>), a width and a precision (digits
/// or <c>*</c>), a length modifier (<c>hh h ll l L q j z Z t</c>) and a conversion letter (<c>d i o u x X e E f F g G a A c
/// s p n C S</c>); <c>%%</c> is one too. Tokenizers keep each one whole, so a model copies it as one token.
/// </remarks>
public static partial class Placeholders
{
    /// <summary>The placeholders of a text, in order, with their positions.</summary>
    public static IEnumerable<Match> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Matches(text);
    }

    /// <summary>True when the whole text is one placeholder.</summary>
    public static bool IsPlaceholder(string text) => Pattern().Match(text) is { Success: true } m && m.Length == text.Length && m.Index == 0;

    [GeneratedRegex(@"%%|%(?:\d+\$)?[-+ #0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnCS]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

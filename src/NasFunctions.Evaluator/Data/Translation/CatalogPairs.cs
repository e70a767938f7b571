using System.Text.RegularExpressions;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Turns a gettext catalog's messages into translation pairs: original -> translation, white space normalized.</summary>
/// <remarks>
/// A message gives its <c>msgid</c> with the first translation. A message with a plural gives, besides, its
/// <c>msgid_plural</c> with the second form when the catalog has exactly two plural forms (German's <c>n != 1</c>: form 0 is
/// the singular, form 1 the plural); with other plural rules the forms do not line up with English's two, so only the
/// singular is kept. Contexts are dropped (they disambiguate for translators; a source with two translations is kept twice).
/// Untranslated messages (an empty translation) and the header are skipped. White space runs (line breaks, tabs) become one
/// space and both sides are trimmed, so a pair is one line of text.
/// </remarks>
public static partial class CatalogPairs
{
    /// <summary>The pairs of a catalog's messages, in catalog order.</summary>
    public static IEnumerable<TextPair> Of(MoCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var twoForms = catalog.PluralCount == 2;
        foreach (var message in catalog.Messages)
        {
            if (Pair(message.Id, message.Translations[0]) is { } singular)
            {
                yield return singular;
            }

            if (message.PluralId is { } plural && twoForms && message.Translations.Count == 2
                && Pair(plural, message.Translations[1]) is { } many)
            {
                yield return many;
            }
        }
    }

    /// <summary>The text with every white space run made one space, trimmed.</summary>
    public static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static TextPair? Pair(string source, string target)
    {
        var (from, to) = (Normalize(source), Normalize(target));
        return from.Length > 0 && to.Length > 0 ? new TextPair(from, to) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

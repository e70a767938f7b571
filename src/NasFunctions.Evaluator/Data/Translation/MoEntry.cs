namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>One message of a gettext catalog: its original (with context and plural when it has them) and its translations.</summary>
/// <param name="Context">The message context (<c>msgctxt</c>); null when it has none.</param>
/// <param name="Id">The original text (<c>msgid</c>); empty only for the catalog's header.</param>
/// <param name="PluralId">The original plural (<c>msgid_plural</c>); null for a message without plural forms.</param>
/// <param name="Translations">The translation (<c>msgstr</c>), or one per plural form (<c>msgstr[n]</c>) in form order.</param>
public sealed record MoEntry(string? Context, string Id, string? PluralId, IReadOnlyList<string> Translations);

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>A compiled gettext catalog (<c>.mo</c>) as read: its header fields and its messages.</summary>
/// <param name="Headers">The header entry's fields (<c>Content-Type</c>, <c>Plural-Forms</c>, ...), names compared ignoring case.</param>
/// <param name="Charset">The charset the catalog's strings were decoded from (the <c>Content-Type</c> header's, or UTF-8).</param>
/// <param name="Messages">Every message but the header, in the catalog's order (sorted by original).</param>
public sealed record MoCatalog(IReadOnlyDictionary<string, string> Headers, string Charset, IReadOnlyList<MoEntry> Messages)
{
    /// <summary>The number of plural forms the <c>Plural-Forms</c> header declares (<c>nplurals=N</c>); null when it declares none.</summary>
    public int? PluralCount
    {
        get
        {
            if (!Headers.TryGetValue("Plural-Forms", out var forms))
            {
                return null;
            }

            var at = forms.IndexOf("nplurals=", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            var digits = new string(forms[(at + "nplurals=".Length)..].TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
            return int.TryParse(digits, out var n) && n > 0 ? n : null;
        }
    }
}

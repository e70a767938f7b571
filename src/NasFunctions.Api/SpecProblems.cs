using System.Text;
using NasFunctions.SearchSpace;

namespace NasFunctions.Api;

/// <summary>The 400 for an invalid spec: every error at its path, capped in number and length so any input gets a short answer.</summary>
public static class SpecProblems
{
    /// <summary>Most errors listed; the detail says how many there were.</summary>
    public const int MaxListed = 50;

    /// <summary>Most characters of one error's path or message (a caller's own text may be echoed in it).</summary>
    public const int MaxText = 300;

    /// <summary>The problem response listing <paramref name="errors"/>.</summary>
    public static ApiResponse Response(IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string more = errors.Count > MaxListed ? $" (the first {MaxListed} are listed)" : "";
        return ApiResponse.Problem(
            400,
            "Invalid search spec",
            $"The spec has {errors.Count} error(s){more}; nothing was started.",
            errors.Take(MaxListed).Select(e => (object)new { path = Clean(e.Path), message = Clean(e.Message) }).ToList());
    }

    /// <summary>Text made safe to write as JSON: unpaired surrogates and control characters replaced, at most <see cref="MaxText"/> characters.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(Math.Min(text.Length, MaxText + 1));
        foreach (var rune in text.EnumerateRunes())
        {
            // EnumerateRunes yields U+FFFD for an unpaired surrogate.
            clean.Append(Rune.IsControl(rune) ? "\uFFFD" : rune.ToString());
            if (clean.Length >= MaxText)
            {
                clean.Append('…');
                break;
            }
        }

        return clean.ToString();
    }
}

using System.Runtime.CompilerServices;

namespace NasFunctions.Storage;

/// <summary>The rules a search id, trial id or report name must follow to be used as a table key and a blob path segment.</summary>
public static class StorageIds
{
    /// <summary>Longest search or trial id accepted.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest report name accepted (it may contain '/' between segments).</summary>
    public const int MaxReportNameLength = 512;

    /// <summary>Whether <paramref name="id"/> is a usable search or trial id.</summary>
    public static bool IsValidId(string? id) => IdProblem(id) is null;

    /// <summary>Throws an <see cref="ArgumentException"/> saying why <paramref name="id"/> is not a usable search or trial id.</summary>
    public static void EnsureValidId(string? id, [CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        var problem = IdProblem(id);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid id '{id}': {problem}", paramName);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> unless <paramref name="name"/> is a usable report name ('/'-separated valid segments).</summary>
    public static void EnsureValidReportName(string? name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        string? problem;
        if (string.IsNullOrEmpty(name))
        {
            problem = "it is empty.";
        }
        else if (name.Length > MaxReportNameLength)
        {
            problem = $"it is longer than {MaxReportNameLength} characters.";
        }
        else
        {
            problem = name.Split('/').Select(SegmentProblem).FirstOrDefault(p => p is not null);
        }

        if (problem is not null)
        {
            throw new ArgumentException($"Invalid report name '{name}': {problem}", paramName);
        }
    }

    private static string? IdProblem(string? id) =>
        id is null ? "it is null."
        : id.Length > MaxIdLength ? $"it is longer than {MaxIdLength} characters."
        : id.Contains('/') ? "it contains '/'."
        : SegmentProblem(id);

    private static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "it has an empty part.";
        }

        if (segment is "." or "..")
        {
            return "'.' and '..' are not allowed.";
        }

        foreach (var c in segment)
        {
            if (c is '\\' or '#' or '?')
            {
                return $"it contains '{c}'.";
            }

            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}.";
            }
        }

        return null;
    }
}

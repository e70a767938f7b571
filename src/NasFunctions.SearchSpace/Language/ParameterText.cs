namespace NasFunctions.SearchSpace.Language;

/// <summary>The rules for parameter names and written values, so that canonical strings stay unambiguous.</summary>
internal static class ParameterText
{
    /// <summary>Characters that structure canonical strings and so may not appear in a value.</summary>
    public const string Reserved = ";=[]|,~+";

    public static string? NameProblem(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? null
            : $"'{name}' is not a usable parameter name: use letters, digits and '_', starting with a letter or '_'";

    public static string? ValueProblem(string value) =>
        value.Length == 0 ? "must not be empty"
        : value.Any(c => char.IsWhiteSpace(c) || Reserved.Contains(c)) ? $"'{value}' may not contain whitespace or any of {string.Join(' ', Reserved.ToCharArray())}"
        : null;

    public static void CheckValues(IReadOnlyList<string> values, string argument)
    {
        ArgumentNullException.ThrowIfNull(values, argument);
        var problems = values.Select(ValueProblem).OfType<string>().ToList();
        if (values.Count == 0)
        {
            problems.Add("at least one value is needed");
        }

        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            problems.Add("values repeat");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), argument);
        }
    }
}

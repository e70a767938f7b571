namespace NasFunctions.SearchSpace;

/// <summary>Checks that a set of choices gives every decision of a space one of its allowed values, and nothing else.</summary>
internal static class DecisionChoices
{
    /// <summary>Throws <see cref="ArgumentException"/> listing every missing, unknown or disallowed choice.</summary>
    public static void Check(IReadOnlyList<Decision> decisions, IReadOnlyDictionary<string, string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new List<string>();
        foreach (var decision in decisions)
        {
            if (!choices.TryGetValue(decision.Label, out var value))
            {
                problems.Add($"decision '{decision.Label}' is missing");
            }
            else if (!decision.Choices.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"decision '{decision.Label}' is '{value}', not one of {string.Join(", ", decision.Choices)}");
            }
        }

        var labels = decisions.Select(d => d.Label).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(choices.Keys.Where(k => !labels.Contains(k)).Select(k => $"'{k}' is not a decision of this space"));
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(choices));
        }
    }
}

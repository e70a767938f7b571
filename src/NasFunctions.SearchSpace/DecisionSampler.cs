namespace NasFunctions.SearchSpace;

/// <summary>Picks a value for every decision of a space uniformly at random, in the space's decision order.</summary>
public static class DecisionSampler
{
    /// <summary>Draws one value per decision, in order (always one draw each, so a seed gives the same choices).</summary>
    public static Dictionary<string, string> SampleChoices(IReadOnlyList<Decision> decisions, Random random)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(random);
        var choices = new Dictionary<string, string>(decisions.Count, StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            choices[decision.Label] = decision.Choices[random.Next(decision.Choices.Count)];
        }

        return choices;
    }

    /// <summary>Draws choices for every decision of <paramref name="space"/> and builds the architecture.</summary>
    public static Architecture Sample(ISearchSpace space, Random random)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Create(SampleChoices(space.Decisions, random));
    }
}

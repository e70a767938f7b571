namespace NasFunctions.SearchSpace;

/// <summary>Numbers every combination of a space's decision values (mixed radix, last decision fastest), for enumeration.</summary>
public static class DecisionGrid
{
    /// <summary>The number of combinations (the product of the choice counts); <see cref="long.MaxValue"/> when it does not fit.</summary>
    public static long Count(IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        long count = 1;
        foreach (var decision in decisions)
        {
            if (count > long.MaxValue / decision.Choices.Count)
            {
                return long.MaxValue;
            }

            count *= decision.Choices.Count;
        }

        return count;
    }

    /// <summary>The combination numbered <paramref name="index"/>, from 0 to <see cref="Count"/> - 1.</summary>
    public static Dictionary<string, string> ChoicesAt(IReadOnlyList<Decision> decisions, long index)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var choices = new Dictionary<string, string>(decisions.Count, StringComparer.Ordinal);
        for (var i = decisions.Count - 1; i >= 0; i--)
        {
            var decision = decisions[i];
            choices[decision.Label] = decision.Choices[(int)(index % decision.Choices.Count)];
            index /= decision.Choices.Count;
        }

        if (index != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "index is past the last combination");
        }

        return choices;
    }
}

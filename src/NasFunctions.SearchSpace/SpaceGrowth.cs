namespace NasFunctions.SearchSpace;

/// <summary>Gives any search space a notion of size and growth: its own when it has one, else the first-choice rule.</summary>
public static class SpaceGrowth
{
    /// <summary>
    /// The space itself when it is an <see cref="IGrowableSpace"/>; otherwise a view in which complexity is the number of
    /// decisions not at their first choice and growing moves one more decision off its first choice.
    /// </summary>
    public static IGrowableSpace AsGrowable(this ISearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space as IGrowableSpace ?? new FirstChoiceGrowth(space);
    }
}

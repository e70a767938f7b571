namespace NasFunctions.SearchSpace;

/// <summary>Growth for spaces without their own: size counts the decisions moved off their first choice.</summary>
/// <remarks>
/// The first choice of a decision is taken to be its smallest (as <c>none</c> is for a cell edge). Growing moves one decision
/// that is at its first choice to any other choice; results whose complexity is not exactly one more (because the space reset
/// other decisions) are left out.
/// </remarks>
public sealed class FirstChoiceGrowth(ISearchSpace space) : IGrowableSpace
{
    /// <inheritdoc />
    public string Kind => space.Kind;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions => space.Decisions;

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices) => space.Create(choices);

    /// <inheritdoc />
    public Architecture Parse(string canonical) => space.Parse(canonical);

    /// <inheritdoc />
    public int Complexity(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return space.Decisions.Count(d => architecture.Choices.TryGetValue(d.Label, out var value) && value != d.Choices[0]);
    }

    /// <inheritdoc />
    public IEnumerable<Architecture> Smallest()
    {
        yield return space.Create(space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0], StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public IEnumerable<Architecture> Grow(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var complexity = Complexity(architecture);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decision in space.Decisions.Where(d => architecture.Choices[d.Label] == d.Choices[0]))
        {
            foreach (var value in decision.Choices.Skip(1))
            {
                var choices = new Dictionary<string, string>(architecture.Choices, StringComparer.Ordinal) { [decision.Label] = value };
                var grown = space.Create(choices);
                if (Complexity(grown) == complexity + 1 && seen.Add(grown.Canonical))
                {
                    yield return grown;
                }
            }
        }
    }
}

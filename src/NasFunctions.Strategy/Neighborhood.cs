using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>The architectures one changed decision away from a parent, and random unseen architectures when none is left.</summary>
internal static class Neighborhood
{
    /// <summary>
    /// Every distinct architecture that differs from <paramref name="parent"/> in one decision and is not in <paramref name="seen"/>,
    /// in decision order then choice order (so a seeded pick from it is reproducible).
    /// </summary>
    public static List<Architecture> UnseenNeighbors(ISearchSpace space, Architecture parent, IReadOnlySet<string> seen)
    {
        var found = new List<Architecture>();
        var distinct = new HashSet<string>(StringComparer.Ordinal) { parent.Canonical };
        foreach (var decision in space.Decisions)
        {
            var current = parent.Choices.TryGetValue(decision.Label, out var value) ? value : null;
            foreach (var choice in decision.Choices)
            {
                if (choice == current)
                {
                    continue;
                }

                var choices = new Dictionary<string, string>(parent.Choices, StringComparer.Ordinal) { [decision.Label] = choice };
                var child = space.Create(choices);
                if (!seen.Contains(child.Canonical) && distinct.Add(child.Canonical))
                {
                    found.Add(child);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// An unseen architecture near <paramref name="parent"/>: a random unseen neighbour; failing that, a random walk of up to
    /// <paramref name="walkSteps"/> changed decisions looking for one; null when the walk finds none.
    /// </summary>
    public static Architecture? Mutate(ISearchSpace space, Architecture parent, IReadOnlySet<string> seen, Random random, int walkSteps)
    {
        var position = parent;
        for (var step = 0; step <= walkSteps; step++)
        {
            var unseen = UnseenNeighbors(space, position, seen);
            if (unseen.Count > 0)
            {
                return unseen[random.Next(unseen.Count)];
            }

            position = RandomNeighbor(space, position, random) ?? position;
        }

        return null;
    }

    /// <summary>
    /// A uniformly drawn architecture not in <paramref name="seen"/>: up to <paramref name="attempts"/> draws, then, when the space
    /// has at most <paramref name="enumerationLimit"/> combinations, a walk over all of them from a random start; null when none.
    /// </summary>
    public static Architecture? RandomUnseen(ISearchSpace space, IReadOnlySet<string> seen, Random random, int attempts, long enumerationLimit)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var architecture = DecisionSampler.Sample(space, random);
            if (!seen.Contains(architecture.Canonical))
            {
                return architecture;
            }
        }

        var combinations = DecisionGrid.Count(space.Decisions);
        if (combinations > enumerationLimit)
        {
            return null;
        }

        var start = random.NextInt64(combinations);
        for (long step = 0; step < combinations; step++)
        {
            var architecture = space.Create(DecisionGrid.ChoicesAt(space.Decisions, (start + step) % combinations));
            if (!seen.Contains(architecture.Canonical))
            {
                return architecture;
            }
        }

        return null;
    }

    private static Architecture? RandomNeighbor(ISearchSpace space, Architecture parent, Random random)
    {
        var open = space.Decisions.Where(d => d.Choices.Count > 1).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var decision = open[random.Next(open.Count)];
        var current = parent.Choices.TryGetValue(decision.Label, out var value) ? value : null;
        var others = decision.Choices.Where(c => c != current).ToList();
        var choices = new Dictionary<string, string>(parent.Choices, StringComparer.Ordinal) { [decision.Label] = others[random.Next(others.Count)] };
        return space.Create(choices);
    }
}

namespace NasFunctions.SearchSpace.Tests.Growth;

/// <summary>Walks a growable space from its smallest architectures, checking every growth step on the way.</summary>
internal static class GrowthChecks
{
    /// <summary>Every architecture reachable from the smallest by growing; fails when a step does not add exactly one to the complexity.</summary>
    public static HashSet<string> Reachable(IGrowableSpace space)
    {
        var smallest = space.Smallest().ToList();
        var minimum = smallest.Min(space.Complexity);
        smallest.ShouldAllBe(a => space.Complexity(a) == minimum);
        var reached = smallest.Select(a => a.Canonical).ToHashSet();
        reached.Count.ShouldBe(smallest.Count);
        var frontier = smallest;
        while (frontier.Count > 0)
        {
            var next = new List<Architecture>();
            foreach (var architecture in frontier)
            {
                var grown = space.Grow(architecture).ToList();
                grown.Select(g => g.Canonical).Distinct().Count().ShouldBe(grown.Count);
                foreach (var child in grown)
                {
                    space.Complexity(child).ShouldBe(space.Complexity(architecture) + 1, $"{architecture} -> {child}");
                    space.Parse(child.Canonical).ShouldBe(child);
                    if (reached.Add(child.Canonical))
                    {
                        next.Add(child);
                    }
                }
            }

            frontier = next;
        }

        return reached;
    }
}

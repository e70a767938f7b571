using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests.Growth;

public class FirstChoiceGrowthTests
{
    private sealed class GridSpace : ISearchSpace
    {
        public string Kind => "grid";

        public IReadOnlyList<Decision> Decisions { get; } = [new("a", ["0", "1", "2"]), new("b", ["0", "1"]), new("c", ["x", "y"])];

        public Architecture Create(IReadOnlyDictionary<string, string> choices) =>
            new($"{choices["a"]}-{choices["b"]}-{choices["c"]}", new Dictionary<string, string>(choices));

        public Architecture Parse(string canonical)
        {
            var parts = canonical.Split('-');
            return Create(new Dictionary<string, string> { ["a"] = parts[0], ["b"] = parts[1], ["c"] = parts[2] });
        }
    }

    [Fact]
    public void A_space_without_its_own_growth_grows_decisions_off_their_first_choice()
    {
        var space = new GridSpace().AsGrowable();

        space.ShouldBeOfType<FirstChoiceGrowth>();
        space.Smallest().ShouldHaveSingleItem().Canonical.ShouldBe("0-0-x");
        space.Complexity(space.Parse("2-0-y")).ShouldBe(2);
        GrowthChecks.Reachable(space).Count.ShouldBe(3 * 2 * 2);
    }

    [Fact]
    public void A_growable_space_is_its_own_growth() =>
        MacroCnnSpace.Default.AsGrowable().ShouldBeSameAs(MacroCnnSpace.Default);
}

using NasFunctions.SearchSpace.NasBench201;

namespace NasFunctions.SearchSpace.Tests.Growth;

public class NasBench201GrowthTests
{
    private static readonly NasBench201Space Space = NasBench201Space.Default;

    [Fact]
    public void The_smallest_cell_has_no_active_edge()
    {
        var smallest = Space.Smallest().ShouldHaveSingleItem();

        smallest.Canonical.ShouldBe("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        Space.Complexity(smallest).ShouldBe(0);
    }

    [Fact]
    public void Complexity_counts_the_active_edges() =>
        Space.Complexity(Space.Parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|")).ShouldBe(3);

    [Fact]
    public void Growing_activates_one_edge_with_any_operation()
    {
        var grown = Space.Grow(Space.Parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|")).ToList();

        grown.Count.ShouldBe(3 * 4);
        grown.ShouldAllBe(a => Space.Complexity(a) == 4);
    }

    [Fact]
    public void Every_cell_is_reached_by_single_steps_from_the_empty_cell() =>
        GrowthChecks.Reachable(Space).Count.ShouldBe(15_625);

    [Fact]
    public void Without_none_every_cell_is_smallest()
    {
        var space = new NasBench201Space(new NasBench201SpaceOptions { Operations = [NasBench201Operation.SkipConnect, NasBench201Operation.NorConv3x3] });

        space.Smallest().Count().ShouldBe(64);
        space.Smallest().ShouldAllBe(a => space.Complexity(a) == 6 && !space.Grow(a).Any());
    }
}

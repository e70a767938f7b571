using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests.Growth;

public class MacroCnnGrowthTests
{
    [Fact]
    public void The_smallest_networks_have_the_fewest_blocks_at_the_smallest_width()
    {
        var space = MacroCnnSpace.Default;
        var smallest = space.Smallest().ToList();

        smallest.Count.ShouldBe(2 + (3 * 2 * 2));
        smallest.ShouldAllBe(a => space.Complexity(a) == 0 && space.Decode(a).Blocks.Count == 1);
        smallest.SelectMany(a => space.Decode(a).Blocks).Where(b => b.IsConvolution).ShouldAllBe(b => b.Channels == 16);
    }

    [Fact]
    public void Complexity_counts_extra_blocks_and_width_steps()
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions { MinBlocks = 2, MaxBlocks = 4, Channels = [64, 16, 32] });

        space.Complexity(space.Parse("conv3x3/16|maxpool")).ShouldBe(0);
        space.Complexity(space.Parse("conv3x3/64+bn|maxpool|conv5x5/32")).ShouldBe(1 + 2 + 1);
    }

    [Fact]
    public void Growing_adds_a_narrow_block_or_widens_one_convolution()
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions { MaxBlocks = 3, Operations = [MacroOperation.Conv3x3, MacroOperation.MaxPool], BatchNorm = [false], Skip = [false] });

        var grown = space.Grow(space.Parse("conv3x3/16|maxpool")).Select(a => a.Canonical).ToList();

        grown.ShouldContain("conv3x3/32|maxpool");
        grown.ShouldContain("maxpool|conv3x3/16|maxpool");
        grown.ShouldContain("conv3x3/16|maxpool|conv3x3/16");
        grown.ShouldNotContain("conv3x3/64|maxpool");
        grown.ShouldAllBe(c => space.Complexity(space.Parse(c)) == 2);
    }

    [Fact]
    public void Every_network_of_a_small_space_is_reached_by_single_steps()
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions
        {
            MinBlocks = 1,
            MaxBlocks = 3,
            Operations = [MacroOperation.Conv3x3, MacroOperation.AvgPool],
            Channels = [16, 32],
            BatchNorm = [false, true],
            Skip = [false],
        });

        GrowthChecks.Reachable(space).Count.ShouldBe((int)space.Size);
    }
}

using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests.MacroCnn;

public class MacroCnnSizeTests
{
    [Theory]
    [InlineData(1, 2, new[] { MacroOperation.Conv3x3 }, new[] { 16 })]
    [InlineData(1, 3, new[] { MacroOperation.Conv3x3, MacroOperation.MaxPool }, new[] { 16, 32 })]
    [InlineData(2, 3, new[] { MacroOperation.SepConv3x3, MacroOperation.AvgPool, MacroOperation.MaxPool }, new[] { 8 })]
    public void Size_equals_the_distinct_architectures_found_by_enumeration(int minBlocks, int maxBlocks, MacroOperation[] operations, int[] channels)
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions
        {
            MinBlocks = minBlocks,
            MaxBlocks = maxBlocks,
            Operations = operations,
            Channels = channels,
            BatchNorm = [false, true],
            Skip = [true],
        });

        var combinations = DecisionGrid.Count(space.Decisions);
        var distinct = new HashSet<string>();
        for (long i = 0; i < combinations; i++)
        {
            distinct.Add(space.Create(DecisionGrid.ChoicesAt(space.Decisions, i)).Canonical);
        }

        space.Size.ShouldBe(distinct.Count);
    }

    [Fact]
    public void Default_size_is_the_sum_of_powers_of_the_block_variety()
    {
        const long variety = 2 + (3 * 3 * 2 * 2);
        MacroCnnSpace.Default.Size.ShouldBe(variety + (variety * variety) + (variety * variety * variety) + (variety * variety * variety * variety));
    }

    [Fact]
    public void Size_saturates_when_it_does_not_fit()
    {
        var huge = new MacroCnnSpace(new MacroCnnSpaceOptions
        {
            InputHeight = 1 << 20,
            InputWidth = 1 << 20,
            MaxBlocks = 20,
            Channels = [.. Enumerable.Range(1, 1000)],
        });

        huge.Size.ShouldBe(long.MaxValue);
    }
}

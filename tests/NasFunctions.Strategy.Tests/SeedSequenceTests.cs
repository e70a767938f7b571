namespace NasFunctions.Strategy.Tests;

public class SeedSequenceTests
{
    [Fact]
    public void Same_input_gives_the_same_seed() => SeedSequence.Derive(42, 3, 7).ShouldBe(SeedSequence.Derive(42, 3, 7));

    [Fact]
    public void Known_value_is_stable_across_processes() => SeedSequence.Derive(42, 3).ShouldBe(1206990877);

    [Fact]
    public void Different_rounds_seeds_and_paths_give_different_seeds()
    {
        var seeds = new[]
        {
            SeedSequence.Derive(42),
            SeedSequence.Derive(43),
            SeedSequence.Derive(42, 0),
            SeedSequence.Derive(42, 1),
            SeedSequence.Derive(42, 2),
            SeedSequence.Derive(42, 1, 0),
            SeedSequence.Derive(42, 0, 1),
        };

        seeds.Distinct().Count().ShouldBe(seeds.Length);
    }

    [Fact]
    public void Seeds_are_non_negative()
    {
        for (long round = -50; round < 50; round++)
        {
            SeedSequence.Derive(round * 7919, round).ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void CreateRandom_is_seeded_by_Derive() =>
        SeedSequence.CreateRandom(5, 2).Next().ShouldBe(new Random(SeedSequence.Derive(5, 2)).Next());
}

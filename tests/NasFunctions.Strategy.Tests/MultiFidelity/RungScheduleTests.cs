using NasFunctions.Strategy.MultiFidelity;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

public class RungScheduleTests
{
    private static MultiFidelityOptions Options(int min, int max, int eta, int? candidates = null) =>
        new() { MinEpochs = min, MaxEpochs = max, Eta = eta, Candidates = candidates };

    [Theory]
    [InlineData(1, 9, 3, new[] { 1, 3, 9 })]
    [InlineData(1, 10, 3, new[] { 1, 3, 10 })]
    [InlineData(1, 26, 3, new[] { 1, 3, 26 })]
    [InlineData(3, 26, 3, new[] { 3, 26 })]
    [InlineData(2, 20, 3, new[] { 2, 6, 20 })]
    [InlineData(1, 8, 2, new[] { 1, 2, 4, 8 })]
    [InlineData(1, 3, 3, new[] { 1, 3 })]
    [InlineData(1, 81, 3, new[] { 1, 3, 9, 27, 81 })]
    public void Halving_rungs_grow_by_eta_up_to_exactly_max_epochs(int min, int max, int eta, int[] rungs)
    {
        RungSchedule.HalvingRungs(min, max, eta).ShouldBe(rungs);
        RungSchedule.RungCount(min, max, eta).ShouldBe(rungs.Length);
    }

    [Fact]
    public void A_halving_bracket_starts_eta_to_the_rungs_minus_one_unless_told()
    {
        RungSchedule.Halving(Options(1, 9, 3)).ToString().ShouldBe("9@[1, 3, 9]");
        RungSchedule.Halving(Options(1, 81, 3)).Size.ShouldBe(81);
        RungSchedule.Halving(Options(1, 8, 2)).Size.ShouldBe(8);
        RungSchedule.Halving(Options(1, 9, 3, candidates: 20)).Size.ShouldBe(20);
    }

    [Fact]
    public void Hyperband_brackets_for_nine_epochs_and_eta_three_follow_li_et_al() =>
        Enumerable.Range(0, 4).Select(b => RungSchedule.Hyperband(Options(1, 9, 3), b).ToString())
            .ShouldBe(["9@[1, 3, 9]", "5@[3, 9]", "3@[9]", "9@[1, 3, 9]"]);

    [Fact]
    public void Hyperband_brackets_for_81_epochs_match_the_papers_table()
    {
        var brackets = Enumerable.Range(0, 5).Select(b => RungSchedule.Hyperband(Options(1, 81, 3), b)).ToList();

        brackets.Select(b => b.Size).ShouldBe([81, 34, 15, 8, 5]);
        brackets.Select(b => b.RungEpochs[0]).ShouldBe([1, 3, 9, 27, 81]);
        brackets.Select(b => b.RungEpochs.Last()).ShouldAllBe(e => e == 81);
    }

    [Fact]
    public void Hyperband_rounds_every_rung_from_max_epochs_down()
    {
        RungSchedule.Hyperband(Options(1, 20, 3), 0).ToString().ShouldBe("9@[2, 7, 20]");
        RungSchedule.Hyperband(Options(1, 20, 3), 1).ToString().ShouldBe("5@[7, 20]");
        RungSchedule.Hyperband(Options(1, 10, 3), 0).ToString().ShouldBe("9@[1, 3, 10]");
    }
}

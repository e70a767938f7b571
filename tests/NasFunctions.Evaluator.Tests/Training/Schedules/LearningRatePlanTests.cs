using NasFunctions.Evaluator.Training.Schedules;

namespace NasFunctions.Evaluator.Tests.Training.Schedules;

/// <summary>Each schedule gives its closed form at chosen steps of a plan of 100 steps, 10 to an epoch, peak 0.1.</summary>
public sealed class LearningRatePlanTests
{
    private const double Peak = 0.1;
    private const long PerEpoch = 10;
    private const long Planned = 100;

    private static double At(ScheduleOptions options, long step) => new LearningRatePlan(options, Peak, PerEpoch, Planned).At(step);

    [Theory]
    [InlineData(0)]
    [InlineData(57)]
    [InlineData(99)]
    [InlineData(500)]
    public void Constant_is_the_peak_everywhere(long step) => At(new ScheduleOptions(), step).ShouldBe(Peak);

    [Theory]
    [InlineData(0, 0.1 * 1 / 20)]
    [InlineData(9, 0.1 * 10 / 20)]
    [InlineData(19, 0.1)]
    public void Warmup_rises_linearly_to_the_peak(long step, double expected) =>
        At(new ScheduleOptions { Name = "cosine", WarmupEpochs = 2 }, step).ShouldBe(expected, 1e-15);

    [Theory]
    [InlineData(20)]
    [InlineData(45)]
    [InlineData(60)]
    [InlineData(99)]
    public void Cosine_after_warmup_follows_half_a_cosine_to_its_floor(long step)
    {
        var options = new ScheduleOptions { Name = "cosine", WarmupEpochs = 2, MinFactor = 0.01 };
        var floor = Peak * 0.01;
        var expected = floor + ((Peak - floor) * (1 + Math.Cos(Math.PI * (step - 20) / 80.0)) / 2);

        At(options, step).ShouldBe(expected, 1e-15);
    }

    [Fact]
    public void Cosine_is_at_the_peak_after_warmup_halfway_at_mid_plan_and_near_zero_at_the_end()
    {
        var options = new ScheduleOptions { Name = "cosine" };

        At(options, 0).ShouldBe(Peak, 1e-15);
        At(options, 50).ShouldBe(Peak / 2, 1e-15);
        At(options, 99).ShouldBe(Peak * (1 + Math.Cos(Math.PI * 0.99)) / 2, 1e-15);
        At(options, 99).ShouldBeLessThan(Peak * 0.001);
        At(options, 1000).ShouldBe(At(options, 99));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(49, 0.1)]
    [InlineData(50, 0.01)]
    [InlineData(74, 0.01)]
    [InlineData(75, 0.001)]
    [InlineData(99, 0.001)]
    public void Step_drops_by_gamma_at_each_milestone(long step, double expected) =>
        At(new ScheduleOptions { Name = "step" }, step).ShouldBe(expected, 1e-15);

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(64)]
    [InlineData(99)]
    public void One_cycle_rises_from_peak_over_div_then_falls_to_its_final_rate(long step)
    {
        var start = Peak / 25;
        var end = start / 1e4;
        double Anneal(double from, double to, double p) => to + ((from - to) * (1 + Math.Cos(Math.PI * p)) / 2);
        var expected = step < 30 ? Anneal(start, Peak, step / 30.0) : Anneal(Peak, end, (step - 30) / 70.0);

        At(new ScheduleOptions { Name = "onecycle" }, step).ShouldBe(expected, 1e-15);
        At(new ScheduleOptions { Name = "onecycle" }, 30).ShouldBe(Peak, 1e-15);
    }

    [Fact]
    public void A_shorter_training_on_the_same_plan_sees_the_first_rates_of_the_longer_one()
    {
        var options = new ScheduleOptions { Name = "cosine", WarmupEpochs = 1 };
        var plan = new LearningRatePlan(options, Peak, PerEpoch, Planned);
        var again = new LearningRatePlan(options, Peak, PerEpoch, Planned);

        Enumerable.Range(0, 30).Select(s => plan.At(s)).ShouldBe(Enumerable.Range(0, 30).Select(s => again.At(s)));
        new LearningRatePlan(options, Peak, PerEpoch, 30).At(29).ShouldNotBe(plan.At(29), "a plan of its own length would decay sooner");
    }

    [Fact]
    public void Invalid_options_list_every_problem()
    {
        var options = new ScheduleOptions
        {
            Name = "linear", WarmupEpochs = -1, MinFactor = 2, Milestones = [0.75, 0.5], Gamma = 1, PercentStart = 0, DivFactor = 0.5,
        };

        options.Validate().Count.ShouldBe(7);
        new ScheduleOptions { Name = "onecycle", WarmupEpochs = 1 }.Validate().ShouldHaveSingleItem().ShouldContain("onecycle");
        Should.Throw<ArgumentException>(() => new LearningRatePlan(options, Peak, PerEpoch, Planned));
        Should.Throw<ArgumentOutOfRangeException>(() => new LearningRatePlan(new ScheduleOptions(), Peak, PerEpoch, 0));
    }
}

using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>The architecture a search retrains: the best at tolerance 0, else the fastest per epoch within the tolerance.</summary>
public class RetrainChoiceTests
{
    private static (TrainingResult, string) Trial(string architecture, double validation, double seconds, int epochs) =>
        (new TrainingResult(validation, 0, 1, 10, seconds, epochs, 10, [], new ModelMeasures(10, 10, 0, 0)), architecture);

    private static readonly IReadOnlyList<(TrainingResult, string)> Finished =
    [
        Trial("slow-best", 0.300, 180, 9), // 20 s an epoch
        Trial("fast-close", 0.292, 90, 9), // 10 s an epoch, 0.8 points behind
        Trial("fastest-far", 0.250, 20, 3), // 6.7 s an epoch, 5 points behind
        Trial("fast-one-epoch", 0.295, 12, 1), // 12 s an epoch
    ];

    private static string Picked(double tolerance) => Finished[RetrainChoice.Pick(Finished.Select(t => t.Item1).ToList(), tolerance)].Item2;

    [Fact]
    public void At_tolerance_zero_the_best_trial_is_retrained() =>
        Picked(0).ShouldBe("slow-best");

    [Fact]
    public void Within_the_tolerance_the_fastest_per_epoch_is_retrained()
    {
        Picked(0.01).ShouldBe("fast-close", "10 s an epoch beats 12 and 20; 6.7 s is 5 points behind");
        Picked(0.006).ShouldBe("fast-one-epoch", "0.8 points behind is outside 0.6");
        Picked(0.06).ShouldBe("fastest-far");
    }

    [Fact]
    public void Epoch_seconds_count_the_checkpoints_epochs() =>
        RetrainChoice.EpochSeconds(Trial("a", 0.5, 90, 9).Item1).ShouldBe(10);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.21)]
    [InlineData(double.NaN)]
    public void Bad_tolerances_are_refused(double tolerance)
    {
        RetrainChoice.Problem(tolerance).ShouldNotBeNull().ShouldContain("RetrainTolerance");
        new BudgetBenchmarkOptions { RetrainTolerance = tolerance }.Validate().ShouldHaveSingleItem().ShouldContain("RetrainTolerance");
        new NasFunctions.Benchmarks.Translation.TranslationBenchmarkOptions { RetrainTolerance = tolerance }.Validate().ShouldHaveSingleItem().ShouldContain("RetrainTolerance");
    }
}

using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>A run from scratch times its epoch by the training loop's own seconds, and keeps back its scoring's once more.</summary>
public class ReferenceTimingTests
{
    [Fact]
    public void The_epochs_that_fit_count_training_seconds_not_the_timed_runs_scoring()
    {
        var time = new StepTime();
        var runs = new List<int>();
        TrialTrainer fake = (_, epochs, _, _, planned, _, _) =>
        {
            runs.Add(epochs);
            planned.ShouldBe(epochs, "each run's schedule planned over its own epochs");
            time.Advance(TimeSpan.FromSeconds((2 * epochs) + 3)); // 2 s an epoch, then 3 s of scoring
            return new TrainingResult(0.5, 0.5, 1, 10, 2.0 * epochs, epochs, 10, [], new ModelMeasures(10, 10, 0, 0));
        };
        var space = BudgetBenchmark.ReadSpace(BudgetBenchmarkOptions.DefaultSpace);

        var run = BudgetBenchmark.Reference(space.Parse("conv3x3/16+bn|maxpool"), 1, TimeSpan.FromSeconds(60), fake, "reference", null, time, default);

        runs.ShouldBe([1, 26], "60 s less the timed 5 s and 3 s more of scoring, at 2 s an epoch; an epoch of 5 s would fit only 11");
        (run.BestEpochs, run.Epochs, run.Trials).ShouldBe((26, 27, 2));
        run.Seconds.ShouldBe(5 + 55, "within the budget, scoring included");
    }
}

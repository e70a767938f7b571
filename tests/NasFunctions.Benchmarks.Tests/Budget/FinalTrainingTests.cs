using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>The long trainings (the retraining and the reference) add augmentation and label smoothing; search trials train plain.</summary>
public class FinalTrainingTests
{
    private static readonly BudgetBenchmarkOptions Options = new();

    [Fact]
    public void A_final_training_is_augmented_and_smoothed_and_a_search_trial_is_not()
    {
        var final = BudgetBenchmark.Training(Options, 40, final: true);
        final.Augmentation.ShouldBe(new ImageAugmentation(CropPadding: 2, Flip: true), "light on Fashion-MNIST: a 2-pixel crop and a flip");
        final.LabelSmoothing.ShouldBe(0.1);
        final.PlannedEpochs.ShouldBe(40);

        var trial = BudgetBenchmark.Training(Options, 9, final: false);
        trial.Augmentation.IsNone.ShouldBeTrue();
        trial.LabelSmoothing.ShouldBe(0);
        trial.Optimizer.ShouldBe(final.Optimizer, "the same recipe otherwise");
        trial.LearningRate.ShouldBe(final.LearningRate);

        BudgetBenchmark.Training(Options with { Dataset = "mnist" }, 40, final: true).Augmentation.Flip.ShouldBeFalse("a mirrored digit is no digit");
        BudgetBenchmark.Training(Options with { FinalAugmentation = "none", FinalLabelSmoothing = 0 }, 40, final: true).Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("heavy", 0.1, "FinalAugmentation")]
    [InlineData("light", 0.6, "FinalLabelSmoothing")]
    [InlineData("light", -0.1, "FinalLabelSmoothing")]
    public void Bad_final_settings_are_refused(string augmentation, double smoothing, string problem) =>
        (Options with { FinalAugmentation = augmentation, FinalLabelSmoothing = smoothing }).Validate().ShouldHaveSingleItem().ShouldContain(problem);

    [Fact]
    public void The_retraining_trains_with_the_final_trainer_and_the_search_with_the_trial_trainer()
    {
        var space = BudgetBenchmark.ReadSpace(BudgetBenchmarkOptions.DefaultSpace);
        var fidelity = new Fidelity(1, 1.0);
        var searched = new List<string>();
        var retrained = new List<(string Architecture, int Epochs)>();
        var time = new StepTime();
        TrialTrainer Recording(Action<Architecture, int> record) => (architecture, epochs, _, _, _, _, _) =>
        {
            record(architecture, epochs);
            time.Advance(TimeSpan.FromSeconds(epochs));
            var score = (architecture.Canonical.Length % 7) / 10.0;
            return new TrainingResult(score, score, 1, 10, epochs, epochs, 10, [], new ModelMeasures(10, 10, 0, 0));
        };

        var (search, retrain) = BudgetBenchmark.SearchThenRetrain(
            BudgetBenchmark.CreateStrategy("random", space, fidelity), space, fidelity, 3, 1, TimeSpan.FromSeconds(30), 0.5, 0, false,
            Recording((a, _) => searched.Add(a.Canonical)), Recording((a, e) => retrained.Add((a.Canonical, e))), null, time, default);

        searched.Count.ShouldBe(search.Trials, "every search trial, and only those, by the trial trainer");
        retrained.Select(r => r.Architecture).ShouldBe([search.Architecture, search.Architecture], "the timing epoch and the run from scratch");
        retrained.Select(r => r.Epochs).ShouldBe([1, 14], "15 s: one timed 1 s epoch, then the 14 that fit");
        retrain.ShouldNotBeNull().Architecture.ShouldBe(search.Architecture);
    }
}

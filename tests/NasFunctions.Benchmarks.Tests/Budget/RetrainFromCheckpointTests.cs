using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>Retraining from the checkpoint: the chosen trial trains on, at its own seconds per epoch, under a schedule planned again over all its epochs.</summary>
public class RetrainFromCheckpointTests
{
    private const long StepsPerEpoch = 10;

    [Fact]
    public void The_best_trial_trains_on_from_its_checkpoint_for_the_epochs_that_fit_without_a_timing_epoch()
    {
        var space = BudgetBenchmark.ReadSpace(BudgetBenchmarkOptions.DefaultSpace);
        var fidelity = new Fidelity(3, 1.0);
        var time = new StepTime();
        var continued = new List<(string Architecture, int Epochs, TrainingCheckpoint? Start)>();
        TrialTrainer Fake(bool retraining) => (architecture, epochs, _, seed, planned, _, checkpoints) =>
        {
            var start = checkpoints?.StartFrom;
            if (retraining)
            {
                continued.Add((architecture.Canonical, epochs, start));
            }

            var done = start?.EpochsDone ?? 0;
            time.Advance(TimeSpan.FromSeconds((2 * (epochs - done)) + 1)); // 2 s an epoch, then 1 s of scoring
            var steps = StepsPerEpoch * epochs;
            checkpoints?.AfterEpoch?.Invoke(new TrainingCheckpoint(seed, epochs, 2.0 * epochs, [], [], null, null,
                new RecipeState("adamw", steps, start?.Recipe?.PlannedSteps ?? (StepsPerEpoch * planned))));
            var score = ((architecture.Canonical.Length % 7) / 10.0) + (epochs / 100.0);
            return new TrainingResult(score, score, 1, 10, 2.0 * epochs, epochs, 10, [], new ModelMeasures(10, 10, 0, 0), done);
        };

        var (search, retrained) = BudgetBenchmark.SearchThenRetrain(
            BudgetBenchmark.CreateStrategy("random", space, fidelity), space, fidelity, 3, 1, TimeSpan.FromSeconds(60), 0.5, 0, true,
            Fake(retraining: false), Fake(retraining: true), null, time, default);

        var (architecture, epochs, checkpoint) = continued.ShouldHaveSingleItem("no timing epoch: one run, from the checkpoint");
        architecture.ShouldBe(search.Architecture);
        var start = checkpoint.ShouldNotBeNull();
        start.EpochsDone.ShouldBe(3, "the best trial's epochs");
        epochs.ShouldBe(3 + 14, "30 s less the trial's 1 s of scoring, at its 2 s an epoch: 14 more");
        start.Recipe.ShouldNotBeNull().PlannedSteps.ShouldBe(StepsPerEpoch * 17, "the cosine planned again over all 17 epochs");
        start.Recipe.Step.ShouldBe(StepsPerEpoch * 3, "the schedule goes on from the trial's step");
        start.Plateau.ShouldBeNull("early stopping starts afresh");
        var run = retrained.ShouldNotBeNull();
        (run.BestEpochs, run.Epochs, run.Trials).ShouldBe((17, 14, 1));
        BudgetRun.Answer(search, retrained).ShouldBe(run with { Epochs = search.Epochs + 14, Trials = search.Trials + 1, Seconds = search.Seconds + run.Seconds });
    }

    [Fact]
    public void With_less_time_than_an_epoch_the_trial_is_the_result()
    {
        var trial = new SearchTrial("r0000-c00", "a", 1.0, new TrainingResult(0.4, 0.3, 1, 10, 90, 9, 10, [], new ModelMeasures(10, 10, 0, 0)),
            new TrainingCheckpoint(1, 9, 90, [], [], null, null, new RecipeState("adamw", 90, 90)), 2);
        var space = BudgetBenchmark.ReadSpace(BudgetBenchmarkOptions.DefaultSpace);
        TrialTrainer never = (_, _, _, _, _, _, _) => throw new InvalidOperationException("no epoch fits");

        var run = BudgetBenchmark.Continue(space.Parse("conv3x3/16+bn|maxpool"), trial, TimeSpan.FromSeconds(11), never, null, new StepTime(), default);

        (run.Validation, run.Test, run.BestEpochs, run.Epochs).ShouldBe((0.4, 0.3, 9, 0), "10 s an epoch after 2 s of scoring: none fits 11 s");
    }
}

using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>A training interrupted or promoted in the middle of its schedule reaches the weights of the straight run, bit for bit.</summary>
[Collection(TorchCollection.Name)]
public sealed class RecipeCheckpointTests
{
    private static readonly MacroCnnSpace Space = new(new MacroCnnSpaceOptions { Channels = [4, 8] });
    private static readonly SearchSpace.Architecture Net = Space.Parse("conv3x3/4+bn|conv3x3/8+bn");

    private static TrainingOptions Recipe(string optimizer, string schedule, int? planned = 3) => new()
    {
        Threads = 1, BatchSize = 16, LearningRate = 0.05, WeightDecay = 5e-4, LatencyWarmups = 0, LatencyRepeats = 1,
        Optimizer = new OptimizerOptions { Name = optimizer },
        Schedule = new ScheduleOptions { Name = schedule, WarmupEpochs = schedule == "onecycle" ? 0 : 0.5 },
        PlannedEpochs = planned,
    };

    [Theory]
    [InlineData("sgd", "cosine")]
    [InlineData("adamw", "onecycle")]
    [InlineData("adam", "step")]
    public void A_training_resumed_mid_schedule_reaches_the_weights_of_the_straight_run(string optimizer, string schedule)
    {
        var data = TinyData.Images(1, 12, count: 64);
        var options = Recipe(optimizer, schedule);
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        var resumed = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, seed: 99, options, checkpoints: new TrainingCheckpoints { StartFrom = TrainingCheckpoint.FromBytes(checkpoints[0].ToBytes()) });

        resumed.Weights.ShouldBe(straight.Weights);
        checkpoints[0].Recipe.ShouldBe(new RecipeState(optimizer, 4, 12));
    }

    [Fact]
    public void A_promoted_training_on_the_top_rungs_plan_continues_exactly_the_full_length_run()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var options = Recipe("sgd", "cosine", planned: 3);
        var full = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, options);
        TrainingCheckpoint? rungZero = null;
        ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, options, checkpoints: new TrainingCheckpoints { AfterEpoch = c => rungZero = c });

        var promoted = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, options, checkpoints: new TrainingCheckpoints { StartFrom = rungZero!.ForContinuation() });

        promoted.Weights.ShouldBe(full.Weights);
        (promoted.StartEpoch, promoted.Epochs).ShouldBe((1, 3));
    }

    [Fact]
    public void A_first_rung_planned_for_its_own_length_would_not_continue_the_full_run()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var full = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, Recipe("sgd", "cosine", planned: 3));
        TrainingCheckpoint? shortPlan = null;
        ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, Recipe("sgd", "cosine", planned: null), checkpoints: new TrainingCheckpoints { AfterEpoch = c => shortPlan = c });

        // The checkpoint's plan (one epoch) wins, so the continuation trains on at the end of a finished schedule.
        var promoted = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Recipe("sgd", "cosine", planned: 3), checkpoints: new TrainingCheckpoints { StartFrom = shortPlan!.ForContinuation() });

        shortPlan.Recipe!.PlannedSteps.ShouldBe(4);
        promoted.Weights.ShouldNotBe(full.Weights);
    }

    [Fact]
    public void A_resumed_training_keeps_the_plan_of_its_checkpoint()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Recipe("sgd", "cosine", planned: 3), checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        var resumed = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Recipe("sgd", "cosine", planned: 9), checkpoints: new TrainingCheckpoints { StartFrom = checkpoints[0] });

        resumed.Weights.ShouldBe(straight.Weights);
    }

    [Fact]
    public void The_schedule_changes_what_is_learned()
    {
        var data = TinyData.Images(1, 12, count: 64);

        var cosine = ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, Recipe("sgd", "cosine"));
        var constant = ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, Recipe("sgd", "constant"));
        var adamw = ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, Recipe("adamw", "constant"));

        cosine.Weights.ShouldNotBe(constant.Weights);
        adamw.Weights.ShouldNotBe(constant.Weights);
    }

    [Fact]
    public void A_checkpoint_of_another_optimizer_is_refused()
    {
        var data = TinyData.Images(1, 12, count: 32);
        TrainingCheckpoint? last = null;
        ClassificationTrainer.Train(Space, Net, data, 1, 1, 3, Recipe("adamw", "cosine"), checkpoints: new TrainingCheckpoints { AfterEpoch = c => last = c });

        Should.Throw<InvalidDataException>(() => ClassificationTrainer.Train(
            Space, Net, data, 2, 1, 3, Recipe("adam", "cosine"), checkpoints: new TrainingCheckpoints { StartFrom = last })).Message.ShouldContain("adamw");
    }

    [Fact]
    public void A_checkpoint_written_before_the_recipe_was_saved_loads_as_adams_and_continues()
    {
        var data = TinyData.Images(1, 12, count: 32);
        var adam = new TrainingOptions { Threads = 1, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1 };
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(Space, Net, data, 2, 1, 3, adam, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });
        var bytes = checkpoints[0].ToBytes();

        // NASCKPT2: the same layout without the recipe flag and block at the end.
        var recipeBytes = (checkpoints[0] with { Recipe = null }).ToBytes().Length - 1;
        byte[] old = [.. "NASCKPT2"u8.ToArray(), .. bytes[8..recipeBytes]];
        var read = TrainingCheckpoint.FromBytes(old);
        read.Recipe.ShouldBeNull();

        var resumed = ClassificationTrainer.Train(Space, Net, data, 2, 1, 3, adam, checkpoints: new TrainingCheckpoints { StartFrom = read });
        resumed.Weights.ShouldBe(straight.Weights);
    }

    [Theory]
    [InlineData(64, 16, 4)]
    [InlineData(65, 16, 4)] // a lone trailing sample is skipped
    [InlineData(66, 16, 5)]
    [InlineData(1, 16, 1)]
    [InlineData(10, 16, 1)]
    public void An_epoch_has_one_step_a_batch(int samples, int batch, long steps) =>
        ClassificationTrainer.EpochSteps(samples, batch).ShouldBe(steps);
}

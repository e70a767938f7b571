using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.TextEncoder;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>A training restarted or continued from a checkpoint carries on exactly where the checkpoint left it.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingCheckpointTests
{
    private static readonly MacroCnnSpace Space = new(new MacroCnnSpaceOptions { Channels = [4, 8] });
    private static readonly TrainingOptions Options = new() { Threads = 1, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1 };
    private static readonly SearchSpace.Architecture Net = Space.Parse("conv3x3/4+bn|conv3x3/8+bn");
    private static readonly MlpSpace Mlps = new(new MlpSpaceOptions { Inputs = 6, Classes = 3, Units = [16, 8], Dropout = [0, 0.3] });
    private static readonly SearchSpace.Architecture DropoutNet = Mlps.Parse(
        "layers=[units=16,activation=relu,dropout=0.3,batchNorm=false|units=8,activation=gelu,dropout=0.3,batchNorm=true]");

    [Fact]
    public void A_resumed_mlp_with_dropout_reaches_the_weights_of_training_straight_through()
    {
        var data = TinyData.Features(6, count: 96);
        var straight = ClassificationTrainer.Train(Mlps, DropoutNet, data, 3, 1, 7, Options);
        var checkpoints = new List<TrainingCheckpoint>();
        ClassificationTrainer.Train(Mlps, DropoutNet, data, 3, 1, 7, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        foreach (var epoch in new[] { 0, 1 })
        {
            // Torch's default generator moves between the interruption and the restart, as other trainings' draws would move it.
            manual_seed(1000 + epoch);
            using (rand(1000))
            {
            }

            var resumed = ClassificationTrainer.Train(
                Mlps, DropoutNet, data, 3, 1, seed: 99, Options,
                checkpoints: new TrainingCheckpoints { StartFrom = TrainingCheckpoint.FromBytes(checkpoints[epoch].ToBytes()) });

            resumed.Weights.ShouldBe(straight.Weights, $"resumed after epoch {epoch + 1}");
            resumed.StartEpoch.ShouldBe(epoch + 1);
        }

        checkpoints[0].Random.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("nas-bench-201")]
    [InlineData("text-encoder")]
    public void Every_other_space_resumes_to_the_weights_of_training_straight_through(string kind)
    {
        SearchSpace.ISearchSpace space = kind == "nas-bench-201"
            ? new NasBench201Space(new NasBench201SpaceOptions { Channels = 4, CellsPerStage = 1 })
            : new TextEncoderSpace(new TextEncoderSpaceOptions
            {
                Vocabulary = 40, MaxLength = 10, Classes = 2, Embedding = [8], MinLayers = 3, MaxLayers = 3,
                Layers = ["gru", "attention", "lstm"], Width = [8], Pooling = ["mean"],
            });
        var data = kind == "nas-bench-201" ? TinyData.Images(1, 8, count: 48) : TinyData.Tokens(10, 40, count: 48);
        var net = kind == "nas-bench-201"
            ? space.Parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|")
            : SearchSpace.DecisionSampler.Sample(space, new Random(2));
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(space, net, data, 2, 1, 7, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        var resumed = ClassificationTrainer.Train(
            space, net, data, 2, 1, 7, Options, checkpoints: new TrainingCheckpoints { StartFrom = TrainingCheckpoint.FromBytes(checkpoints[0].ToBytes()) });

        resumed.Weights.ShouldBe(straight.Weights);
    }

    [Fact]
    public void Draws_on_torchs_default_generator_during_a_training_do_not_change_its_dropout()
    {
        var data = TinyData.Features(6, count: 96);
        var alone = ClassificationTrainer.Train(Mlps, DropoutNet, data, 3, 1, 5, Options);

        var disturbed = ClassificationTrainer.Train(Mlps, DropoutNet, data, 3, 1, 5, Options, checkpoints: new TrainingCheckpoints
        {
            AfterEpoch = _ =>
            {
                using (rand(777))
                {
                }
            },
        });

        disturbed.Weights.ShouldBe(alone.Weights);
    }

    [Fact]
    public void Dropout_changes_what_an_mlp_learns()
    {
        var data = TinyData.Features(6, count: 96);
        var noDropout = Mlps.Parse("layers=[units=16,activation=relu,dropout=0,batchNorm=false|units=8,activation=gelu,dropout=0,batchNorm=true]");
        var with = ClassificationTrainer.Train(Mlps, DropoutNet, data, 1, 1, 5, Options);
        var without = ClassificationTrainer.Train(Mlps, noDropout, data, 1, 1, 5, Options);

        with.Weights.ShouldNotBe(without.Weights, "dropout changes the training");
    }

    [Fact]
    public void A_checkpoint_written_before_the_random_state_was_saved_still_loads()
    {
        var checkpoint = new TrainingCheckpoint(1, 2, 3.5, [1, 2, 3], [4, 5], null, Random: [6, 7]);
        var withRandom = checkpoint.ToBytes();
        TrainingCheckpoint.FromBytes(withRandom).Random.ShouldBe(new byte[] { 6, 7 });
        TrainingCheckpoint.FromBytes((checkpoint with { Random = null }).ToBytes()).Random.ShouldBeNull();

        // NASCKPT1: the same layout without the random block (and the recipe flag after it) at the end.
        byte[] old = [.. "NASCKPT1"u8.ToArray(), .. withRandom[8..^(4 + 2 + 1)]];
        var read = TrainingCheckpoint.FromBytes(old);
        (read.Seed, read.EpochsDone, read.Random).ShouldBe((1, 2, (byte[]?)null));
        read.Optimizer.ShouldBe(new byte[] { 4, 5 });
    }

    [Fact]
    public void Resuming_from_an_epoch_checkpoint_gives_the_weights_of_training_straight_through()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var straight = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, Options);
        var checkpoints = new List<TrainingCheckpoint>();
        var interrupted = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        checkpoints.Select(c => c.EpochsDone).ShouldBe([1, 2, 3]);
        interrupted.Weights.ShouldBe(straight.Weights);

        var afterOne = TrainingCheckpoint.FromBytes(checkpoints[0].ToBytes());
        var resumed = ClassificationTrainer.Train(Space, Net, data, 3, 1, seed: 99, Options, checkpoints: new TrainingCheckpoints { StartFrom = afterOne });

        resumed.Weights.ShouldBe(straight.Weights);
        (resumed.StartEpoch, resumed.Epochs, resumed.EpochsTrained).ShouldBe((1, 3, 2));
        resumed.ValidationAccuracy.ShouldBe(straight.ValidationAccuracy);
        resumed.TrainSeconds.ShouldBeGreaterThanOrEqualTo(checkpoints[0].TrainSeconds);
    }

    [Fact]
    public void Another_seed_trains_other_weights()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var first = ClassificationTrainer.Train(Space, Net, data, 1, 1, 7, Options);
        var other = ClassificationTrainer.Train(Space, Net, data, 1, 1, 8, Options);

        other.Weights.ShouldNotBe(first.Weights);
    }

    [Fact]
    public void A_checkpoint_that_already_has_the_epochs_trains_nothing_more()
    {
        var data = TinyData.Images(1, 12, count: 32);
        TrainingCheckpoint? last = null;
        var trained = ClassificationTrainer.Train(Space, Net, data, 2, 1, 3, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = c => last = c });
        var calls = 0;

        var again = ClassificationTrainer.Train(
            Space, Net, data, 2, 1, 3, Options, checkpoints: new TrainingCheckpoints { StartFrom = last, AfterEpoch = _ => calls++ });

        calls.ShouldBe(0);
        again.Weights.ShouldBe(trained.Weights);
        (again.Epochs, again.EpochsTrained).ShouldBe((2, 0));
    }

    [Fact]
    public void A_checkpoint_of_another_network_is_refused()
    {
        var data = TinyData.Images(1, 12, count: 32);
        TrainingCheckpoint? last = null;
        ClassificationTrainer.Train(Space, Net, data, 1, 1, 3, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = c => last = c });
        var wider = Space.Parse("conv3x3/8+bn|conv3x3/8+bn");

        Should.Throw<InvalidDataException>(() => ClassificationTrainer.Train(
            Space, wider, data, 2, 1, 3, Options, checkpoints: new TrainingCheckpoints { StartFrom = last }));
    }

    [Fact]
    public void Damaged_checkpoint_bytes_are_a_clear_error()
    {
        var checkpoint = new TrainingCheckpoint(1, 2, 3.5, [1, 2, 3], [4, 5], new PlateauWatch(0.5, 1, false));
        var bytes = checkpoint.ToBytes();

        var read = TrainingCheckpoint.FromBytes(bytes);
        (read.Seed, read.EpochsDone, read.TrainSeconds, read.Plateau).ShouldBe((1, 2, 3.5, new PlateauWatch(0.5, 1, false)));
        read.Model.ShouldBe(new byte[] { 1, 2, 3 });
        read.Optimizer.ShouldBe(new byte[] { 4, 5 });
        Should.Throw<InvalidDataException>(() => TrainingCheckpoint.FromBytes(bytes[..^1])).Message.ShouldContain("truncated");
        Should.Throw<InvalidDataException>(() => TrainingCheckpoint.FromBytes([.. "NOTACKPT"u8.ToArray(), .. bytes[8..]])).Message.ShouldContain("magic");
        Should.Throw<InvalidDataException>(() => TrainingCheckpoint.FromBytes([.. bytes, 0])).Message.ShouldContain("trailing");
    }

    [Fact]
    public void Early_stopping_ends_training_on_a_plateau_and_a_resumed_run_stays_stopped()
    {
        // Without batch norm (whose running statistics move in training) a vanishing learning rate leaves accuracy flat.
        var net = Space.Parse("conv3x3/4|conv3x3/8");
        var data = TinyData.Images(1, 12, count: 32);
        var frozen = new TrainingOptions
        {
            Threads = 1, BatchSize = 16, LearningRate = 1e-12, EarlyStoppingPatience = 2, LatencyWarmups = 0, LatencyRepeats = 1,
        };
        var checkpoints = new List<TrainingCheckpoint>();

        var result = ClassificationTrainer.Train(Space, net, data, 10, 1, 3, frozen, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        // Epoch 1 sets the best; epochs 2 and 3 gain nothing, which reaches the patience of 2.
        (result.Epochs, result.StoppedEarly).ShouldBe((3, true));
        checkpoints[^1].Plateau!.Stopped.ShouldBeTrue();
        var resumed = ClassificationTrainer.Train(Space, net, data, 10, 1, 3, frozen, checkpoints: new TrainingCheckpoints { StartFrom = checkpoints[^1] });
        (resumed.Epochs, resumed.EpochsTrained, resumed.StoppedEarly).ShouldBe((3, 0, true));
        var continued = ClassificationTrainer.Train(
            Space, net, data, 4, 1, 3, frozen, checkpoints: new TrainingCheckpoints { StartFrom = checkpoints[^1].ForContinuation() });
        (continued.Epochs, continued.EpochsTrained).ShouldBe((4, 1));
    }

    [Fact]
    public void Without_early_stopping_every_epoch_is_trained()
    {
        var data = TinyData.Images(1, 12, count: 32);
        var options = new TrainingOptions { Threads = 1, BatchSize = 16, LearningRate = 1e-12, LatencyWarmups = 0, LatencyRepeats = 1 };

        var result = ClassificationTrainer.Train(Space, Net, data, 4, 1, 3, options);

        (result.Epochs, result.StoppedEarly).ShouldBe((4, false));
    }

    [Theory]
    [InlineData(0.50, 0.505, 0, false)] // a gain above the minimum resets the count
    [InlineData(0.50, 0.5005, 1, false)] // a gain within the minimum is no gain
    [InlineData(0.50, 0.40, 1, false)]
    public void The_plateau_watch_counts_epochs_without_a_real_gain(double best, double accuracy, int since, bool stopped)
    {
        var watch = PlateauWatch.After(new PlateauWatch(best, 0, false), accuracy, patience: 2, minimumGain: 0.001);

        (watch.EpochsSinceBest, watch.Stopped).ShouldBe((since, stopped));
        PlateauWatch.After(watch, 0, patience: 2, minimumGain: 0.001).Stopped.ShouldBe(since == 1);
    }
}

using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using TorchSharp;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>A loss that stops being finite ends the training as diverged at once, before any checkpoint keeps poisoned weights.</summary>
[Collection(TorchCollection.Name)]
public sealed class DivergenceTests
{
    private static readonly TrainingOptions Options = new() { Threads = 1, BatchSize = 8, LatencyWarmups = 0, LatencyRepeats = 1 };

    [Fact]
    public void A_nan_loss_stops_the_first_epoch_as_diverged_and_keeps_no_checkpoint()
    {
        var checkpoints = new List<TrainingCheckpoint>();

        var diverged = Should.Throw<TrainingDivergedException>(() => ClassificationTrainer.Train(
            () => torch.nn.Linear(4, 3), Table(nanAt: 5), 3, 1, 7, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add }));

        diverged.Epoch.ShouldBe(1);
        double.IsNaN(diverged.Loss).ShouldBeTrue();
        checkpoints.ShouldBeEmpty();
    }

    [Fact]
    public void Finite_data_trains_every_epoch()
    {
        var checkpoints = new List<TrainingCheckpoint>();

        var result = ClassificationTrainer.Train(
            () => torch.nn.Linear(4, 3), Table(nanAt: null), 3, 1, 7, Options, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        result.Epochs.ShouldBe(3);
        double.IsFinite(result.ValidationLoss).ShouldBeTrue();
        checkpoints.Count.ShouldBe(3);
    }

    /// <summary>32 rows of 4 features and 3 classes; one feature is NaN when <paramref name="nanAt"/> is given.</summary>
    private static TrainingData Table(int? nanAt)
    {
        var values = Enumerable.Range(0, 32 * 4).Select(i => i == nanAt ? float.NaN : (i % 7) / 7f).ToArray();
        var batches = new TabularBatches(new TabularSplit(4, values, [.. Enumerable.Range(0, 32).Select(i => i % 3)]));
        return new TrainingData("table", DataShape.Tabular(4, 3), batches, batches, batches);
    }
}

using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Tests.Evaluation;

/// <summary>A spec's label smoothing, gradient clipping and augmentation reach each trial's training, and a resumed trial keeps them.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchTrialEvaluatorRegularizationTests
{
    private static readonly EvaluatorHostOptions Host = new() { TrainingSlots = 1, ThreadsPerTraining = 1, ValidationLimit = 200, TestLimit = 100 };
    private const string Space = """ "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "channels": [8] } """;

    [Theory]
    [InlineData("\"labelSmoothing\": 0.2")]
    [InlineData("\"gradientClip\": 0.05")]
    [InlineData("\"augmentation\": \"light\"")]
    public void Each_setting_changes_what_a_trial_learns(string setting)
    {
        using var evaluator = new TorchTrialEvaluator(Host);
        byte[] Weights(string extra) => Train(evaluator, Read(extra), 1, TrialCheckpointing.None).Weights;

        Weights(setting).ShouldNotBe(Weights(""));
    }

    [Fact]
    public void A_resumed_trial_with_augmentation_reaches_the_weights_of_the_straight_one()
    {
        var spec = Read("\"labelSmoothing\": 0.1, \"gradientClip\": 2, \"augmentation\": \"standard\"");
        using var evaluator = new TorchTrialEvaluator(Host);
        var checkpoints = new List<EpochCheckpoint>();

        var straight = Train(evaluator, spec, 2, new TrialCheckpointing { AfterEpoch = checkpoints.Add });
        var resumed = Train(evaluator, spec, 2, new TrialCheckpointing { StartFrom = checkpoints[0].Bytes });

        resumed.StartEpoch.ShouldBe(1);
        resumed.Weights.ShouldBe(straight.Weights);
    }

    private static SearchSpec Read(string training)
    {
        var read = SearchSpecReader.Read($$"""{ {{Space}}, "training": { "batchSize": 64, "threads": 1{{(training.Length > 0 ? ", " + training : "")}} } }""");
        read.Errors.ShouldBeEmpty();
        return read.Spec!;
    }

    private static TrialEvaluation Train(TorchTrialEvaluator evaluator, SearchSpec spec, int epochs, TrialCheckpointing checkpointing) =>
        evaluator.Evaluate(spec, spec.Space.Parse("conv3x3/8+bn"), new Fidelity(epochs, 0.01), 4, checkpointing, CancellationToken.None);
}

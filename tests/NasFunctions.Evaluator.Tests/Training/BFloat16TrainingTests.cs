using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace.MacroCnn;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>bfloat16 training with float32 master weights: it learns, hands back float32 weights and resumes exactly.</summary>
/// <remarks>Run on the CPU here (libtorch computes bfloat16 there too, slowly); the same path runs on CUDA hosts.</remarks>
[Collection(TorchCollection.Name)]
public sealed class BFloat16TrainingTests
{
    private static readonly MacroCnnSpace Space = new(new MacroCnnSpaceOptions { Channels = [4, 8] });
    private static readonly SearchSpace.Architecture Net = Space.Parse("conv3x3/4+bn|conv3x3/8+bn");
    private static readonly TrainingOptions Bf16 = new()
    {
        Threads = 1, BatchSize = 16, LearningRate = 3e-3, Precision = "bf16", LatencyWarmups = 0, LatencyRepeats = 1,
    };

    [Fact]
    public void Bf16_training_changes_the_weights_and_hands_back_float32_ones()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var fp32 = ClassificationTrainer.Train(Space, Net, data, 2, 1, 7, Bf16with("fp32"));

        var bf16 = ClassificationTrainer.Train(Space, Net, data, 2, 1, 7, Bf16);

        bf16.Weights.ShouldNotBe(fp32.Weights, "bf16 rounds the computation");
        bf16.ValidationLoss.ShouldBeLessThan(double.PositiveInfinity);
        Math.Abs(bf16.ValidationLoss - fp32.ValidationLoss).ShouldBeLessThan(0.5, "bf16 should train about as well as fp32 on the same data");
        using var model = ModelFactory.Create(Space, Net, data.Shape);
        ModelWeights.LoadInto(model, bf16.Weights);
        model.parameters().ShouldAllBe(p => p.dtype == ScalarType.Float32);
    }

    [Fact]
    public void Bf16_training_resumes_from_a_checkpoint_to_the_same_weights_keeping_the_float32_masters()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Bf16, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        var resumed = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, Bf16, checkpoints: new TrainingCheckpoints { StartFrom = checkpoints[0] });

        resumed.Weights.ShouldBe(straight.Weights);
        Should.Throw<InvalidDataException>(() => ClassificationTrainer.Train(
            Space, Net, data, 3, 1, 7, Bf16with("fp32"), checkpoints: new TrainingCheckpoints { StartFrom = checkpoints[0] }));
    }

    [Fact]
    public void An_unknown_precision_is_refused() =>
        Bf16with("fp8").Validate().ShouldContain(e => e.Contains("Precision must be one of fp32, bf16"));

    private static TrainingOptions Bf16with(string precision) => new()
    {
        Threads = Bf16.Threads, BatchSize = Bf16.BatchSize, LearningRate = Bf16.LearningRate, Precision = precision,
        LatencyWarmups = 0, LatencyRepeats = 1,
    };
}

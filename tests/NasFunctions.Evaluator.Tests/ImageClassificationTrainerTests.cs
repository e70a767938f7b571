using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Evaluator.Tests;

/// <summary>Trains small nets on a real Fashion-MNIST subset (Debian's dataset-fashion-mnist).</summary>
[Collection(TorchCollection.Name)]
public sealed class ImageClassificationTrainerTests
{
    private static readonly TrainingOptions OneThread = new() { Threads = 1, BatchSize = 32 };

    // Three blocks: with global average pooling, two blocks see too little of the image to learn fast.
    internal static readonly MacroCnnNetwork SmallNet = new(1, 28, 28, 10,
    [
        new MacroBlock(MacroOperation.Conv3x3, 16, true, false),
        new MacroBlock(MacroOperation.Conv3x3, 32, true, false),
        new MacroBlock(MacroOperation.Conv3x3, 64, true, true),
    ]);

    [Fact]
    public void A_small_net_learns_fashion_mnist_and_its_weights_load_back()
    {
        var data = FashionMnist().Take(2000, 500, 500);

        var result = ImageClassificationTrainer.Train(SmallNet, data, epochs: 2, dataFraction: 1, seed: 1, OneThread, CancellationToken.None);

        result.ValidationAccuracy.ShouldBeGreaterThan(0.5); // chance is 0.1
        result.TestAccuracy.ShouldBeGreaterThan(0.5);
        result.ValidationLoss.ShouldBeLessThan(Math.Log(10));
        result.Parameters.ShouldBeGreaterThan(0);
        result.Weights.ShouldNotBeEmpty();
        (result.Epochs, result.TrainSamples).ShouldBe((2, 2000));
        result.TrainSeconds.ShouldBeGreaterThan(0);

        using var loaded = ModelWeights.Load(SmallNet, result.Weights);
        var again = ImageClassificationTrainer.Evaluate(loaded, data.Validation, data.Normalization);
        again.Accuracy.ShouldBe(result.ValidationAccuracy);
        again.Samples.ShouldBe(500);
        loaded.ParameterCount.ShouldBe(result.Parameters);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var data = FashionMnist().Take(600, 200, 100);

        var first = ImageClassificationTrainer.Train(SmallNet, data, 1, 0.5, 42, OneThread, CancellationToken.None);
        var second = ImageClassificationTrainer.Train(SmallNet, data, 1, 0.5, 42, OneThread, CancellationToken.None);

        second.ValidationAccuracy.ShouldBe(first.ValidationAccuracy);
        second.ValidationLoss.ShouldBe(first.ValidationLoss);
        second.Weights.ShouldBe(first.Weights);
        first.TrainSamples.ShouldBe(300);
    }

    [Fact]
    public void Cancelling_stops_training()
    {
        var data = FashionMnist().Take(300, 50, 50);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(
            () => ImageClassificationTrainer.Train(SmallNet, data, 1, 1, 0, OneThread, cancelled.Token));
    }

    [Fact]
    public void Bad_arguments_are_all_reported()
    {
        var data = FashionMnist().Take(100, 10, 10);
        var wrongShape = SmallNet with { InputHeight = 32 };

        var error = Should.Throw<ArgumentException>(() => ImageClassificationTrainer.Train(
            wrongShape, data, 0, 1.5, 0, new TrainingOptions { BatchSize = 0 }, CancellationToken.None));

        error.Message.ShouldContain("BatchSize");
        error.Message.ShouldContain("epochs");
        error.Message.ShouldContain("dataFraction");
        error.Message.ShouldContain("(1, 32, 28)");
    }

    [Fact]
    public void Asking_for_cuda_without_it_is_a_clear_error_and_auto_falls_back_to_the_cpu()
    {
        if (TorchSharp.torch.cuda.is_available())
        {
            ComputeDevice.Resolve("auto").type.ShouldBe(TorchSharp.DeviceType.CUDA, "auto takes CUDA where it is present");
            ComputeDevice.Resolve("cuda").type.ShouldBe(TorchSharp.DeviceType.CUDA);
            return;
        }

        ComputeDevice.Resolve("auto").type.ShouldBe(TorchSharp.DeviceType.CPU);
        Should.Throw<InvalidOperationException>(() => ComputeDevice.Resolve("cuda")).Message.ShouldContain("cuda");
    }

    internal static ImageDataset FashionMnist() => DatasetCache.GetOrLoad(new DatasetOptions());
}

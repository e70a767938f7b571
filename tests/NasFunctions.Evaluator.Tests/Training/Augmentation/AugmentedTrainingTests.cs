using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.SearchSpace.MacroCnn;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Augmentation;

/// <summary>A training with augmentation, smoothing and clipping: changed training images only, and a resume that is the straight run.</summary>
[Collection(TorchCollection.Name)]
public sealed class AugmentedTrainingTests
{
    private static readonly MacroCnnSpace Space = new(new MacroCnnSpaceOptions { Channels = [4, 8] });
    private static readonly SearchSpace.Architecture Net = Space.Parse("conv3x3/4+bn|conv3x3/8+bn");

    private static readonly TrainingOptions Regularized = new()
    {
        Threads = 1, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1,
        Augmentation = new ImageAugmentation(CropPadding: 2, Flip: true, Cutout: 4), LabelSmoothing = 0.1, GradientClipNorm = 1,
    };

    [Fact]
    public void A_resumed_training_with_augmentation_reaches_the_weights_of_training_straight_through()
    {
        var data = TinyData.Images(1, 12, count: 64);
        var checkpoints = new List<TrainingCheckpoint>();
        var straight = ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, Regularized, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });

        foreach (var epoch in new[] { 0, 1 })
        {
            manual_seed(500 + epoch); // other trainings move torch's default generator meanwhile
            var resumed = ClassificationTrainer.Train(
                Space, Net, data, 3, 1, seed: 99, Regularized,
                checkpoints: new TrainingCheckpoints { StartFrom = TrainingCheckpoint.FromBytes(checkpoints[epoch].ToBytes()) });

            resumed.Weights.ShouldBe(straight.Weights, $"resumed after epoch {epoch + 1}");
            resumed.StartEpoch.ShouldBe(epoch + 1);
        }

        var plain = new TrainingOptions { Threads = 1, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1 };
        ClassificationTrainer.Train(Space, Net, data, 3, 1, 7, plain).Weights.ShouldNotBe(straight.Weights, "the regularization is on");
    }

    [Fact]
    public void A_small_cnn_with_standard_augmentation_and_smoothing_still_learns_real_fashion_mnist()
    {
        var data = ImageClassificationTrainerTests.FashionMnist().Take(2000, 500, 500);
        var options = With(Regularized, o =>
        {
            o.BatchSize = 32;
            o.Augmentation = ImageAugmentation.Named("standard", data.Name);
            o.GradientClipNorm = 5;
        });

        var result = ImageClassificationTrainer.Train(ImageClassificationTrainerTests.SmallNet, data, epochs: 2, dataFraction: 1, seed: 1, options);

        result.ValidationAccuracy.ShouldBeGreaterThan(0.5); // chance is 0.1
        result.TestAccuracy.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Each_regularization_changes_what_is_learned()
    {
        var data = TinyData.Images(1, 12, count: 48);
        var baseline = new TrainingOptions { Threads = 1, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1 };
        var plain = ClassificationTrainer.Train(Space, Net, data, 1, 1, 3, baseline).Weights;
        var variants = new[]
        {
            With(baseline, o => o.Augmentation = new ImageAugmentation(CropPadding: 2)),
            With(baseline, o => o.Augmentation = new ImageAugmentation(Flip: true)),
            With(baseline, o => o.Augmentation = new ImageAugmentation(Cutout: 4)),
            With(baseline, o => o.LabelSmoothing = 0.2),
            With(baseline, o => o.GradientClipNorm = 0.01),
        };

        foreach (var options in variants)
        {
            ClassificationTrainer.Train(Space, Net, data, 1, 1, 3, options).Weights.ShouldNotBe(plain);
        }
    }

    [Fact]
    public void Validation_and_test_images_reach_the_network_unchanged()
    {
        var random = new Random(4);
        LabeledImages Images(int count)
        {
            var pixels = new byte[count * 12 * 12];
            random.NextBytes(pixels);
            return new LabeledImages(12, 12, pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);
        }

        var (train, validation, test) = (Images(48), Images(30), Images(20));
        var normalization = ImageNormalization.Measure(train);
        var data = new TrainingData(
            "tiny-images", DataShape.Image(1, 12, 12, 10),
            new ImageBatches(train, normalization), new ImageBatches(validation, normalization), new ImageBatches(test, normalization));
        var options = With(Regularized, o => o.EarlyStoppingPatience = 5); // validation is scored after every epoch too
        Recorder? recorder = null;

        ClassificationTrainer.Train(() => recorder = new Recorder(ModelFactory.Create(Space, Net, data.Shape)), data, 2, 1, 3, options);

        using var scope = NewDisposeScope();
        var plainValidation = data.Validation.Create([.. Enumerable.Range(0, 30)], CPU).Inputs.data<float>().ToArray();
        var plainTest = data.Test.Create([.. Enumerable.Range(0, 20)], CPU).Inputs.data<float>().ToArray();
        recorder!.Evaluated.Count(x => x.Count == 30).ShouldBe(3, "after each of 2 epochs and at the end");
        recorder.Evaluated.Count(x => x.Count == 20).ShouldBe(1);
        foreach (var (count, pixels) in recorder.Evaluated.Where(x => x.Count is 30 or 20))
        {
            pixels.ShouldBe(count == 30 ? plainValidation : plainTest);
        }

        var plainTrain = data.Train.Create([.. Enumerable.Range(0, 48)], CPU).Inputs.data<float>().Chunk(144).Select(i => string.Join(',', i)).ToHashSet();
        recorder.Trained.SelectMany(x => x.Pixels.Chunk(144)).Count(image => !plainTrain.Contains(string.Join(',', image)))
            .ShouldBeGreaterThan(48, "training images were changed");
    }

    private static TrainingOptions With(TrainingOptions options, Action<TrainingOptions> change)
    {
        var copy = new TrainingOptions
        {
            Threads = options.Threads, BatchSize = options.BatchSize, LatencyWarmups = options.LatencyWarmups, LatencyRepeats = options.LatencyRepeats,
            Augmentation = options.Augmentation, LabelSmoothing = options.LabelSmoothing, GradientClipNorm = options.GradientClipNorm,
        };
        change(copy);
        return copy;
    }

    /// <summary>A network that keeps a copy of every batch it is given, in training and in evaluation.</summary>
    private sealed class Recorder : nn.Module<Tensor, Tensor>, IFlopCounted
    {
        private readonly nn.Module<Tensor, Tensor> inner;

        public Recorder(nn.Module<Tensor, Tensor> inner) : base("Recorder")
        {
            this.inner = inner;
            RegisterComponents();
        }

        public List<(long Count, float[] Pixels)> Trained { get; } = [];

        public List<(long Count, float[] Pixels)> Evaluated { get; } = [];

        public override Tensor forward(Tensor input)
        {
            (training ? Trained : Evaluated).Add((input.shape[0], input.data<float>().ToArray()));
            return inner.forward(input);
        }

        public FlopCount CountFlops(long[] inputShape) => FlopCounter.Walk(inner, inputShape);
    }
}

using Xunit.Abstractions;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Tests.Data;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.TextEncoder;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>Each task trains on real data (small subsets) and clearly beats always guessing the commonest class.</summary>
[Collection(TorchCollection.Name)]
public sealed class RealTasksTests(ITestOutputHelper output)
{
    [Fact]
    public void A_text_encoder_learns_to_tell_spam_from_ham()
    {
        RealData.SpamAssassinFolder();
        var data = DatasetCache.GetOrLoadText(new DatasetOptions { Name = "spam-assassin", MaxLength = 64, MaxVocabulary = 2000, Seed = 1 })
            .Take(600, 200, 200);
        var space = new TextEncoderSpace(new TextEncoderSpaceOptions
        {
            Vocabulary = 2000, MaxLength = 64, Classes = 2, Embedding = [32], MinLayers = 1, MaxLayers = 1,
            Layers = ["conv3"], Width = [32], Pooling = ["max"],
        });
        var architecture = space.Sample(new Random(1));

        var result = ClassificationTrainer.Train(space, architecture, TrainingData.From(data), 3, 1, 1, Options(32, 3e-3));

        var majority = Majority(data.Validation.Labels);
        Report("spam", result, majority);
        majority.ShouldBeGreaterThan(0.5);
        result.ValidationAccuracy.ShouldBeGreaterThan(Math.Max(0.8, majority + 0.1));
        result.Measures.Flops.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void An_mlp_learns_the_breast_cancer_table()
    {
        var data = TabularDataset.Load(new DatasetOptions
        {
            Name = "csv", Path = RealData.TabularCsv("breast-cancer"), LabelColumn = "class", Seed = 1,
        });
        var space = new MlpSpace(new MlpSpaceOptions
        {
            Inputs = data.FeatureCount, Classes = 2, MinLayers = 1, MaxLayers = 1, Units = [32], Activations = ["relu"],
            Dropout = [0], BatchNorm = [false],
        });

        var result = ClassificationTrainer.Train(space, space.Sample(new Random(1)), TrainingData.From(data), 10, 1, 1, Options(32, 3e-3));

        var majority = Majority(data.Validation.Labels);
        Report("breast-cancer", result, majority);
        result.ValidationAccuracy.ShouldBeGreaterThan(Math.Max(0.9, majority + 0.2));
        result.TestAccuracy.ShouldBeGreaterThan(0.9);
        result.Parameters.ShouldBe((30 * 32) + 32 + (32 * 2) + 2);
    }

    [Fact]
    public void A_nas_bench_201_network_learns_fashion_mnist()
    {
        var data = ImageClassificationTrainerTests.FashionMnist().Take(1000, 300, 100);
        var space = new NasBench201Space(new NasBench201SpaceOptions { Channels = 8, CellsPerStage = 1 });
        var architecture = space.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|skip_connect~0|none~1|avg_pool_3x3~2|");

        var result = ClassificationTrainer.Train(space, architecture, TrainingData.From(data), 1, 1, 1, Options(32, 3e-3));

        Report("fashion-mnist nb201", result, 0.1);
        result.ValidationAccuracy.ShouldBeGreaterThan(0.4); // chance is 0.1
        result.Measures.Parameters.ShouldBe(result.Parameters);
    }

    private void Report(string task, TrainingResult result, double majority) => output.WriteLine(
        $"{task}: val {result.ValidationAccuracy:F3} test {result.TestAccuracy:F3} (majority {majority:F3}); " +
        $"{result.Measures.Parameters} params, {result.Measures.Flops} FLOPs, {result.Measures.LatencyMilliseconds:F3} ms @1, " +
        $"{result.Measures.LatencyMillisecondsBatch64:F4} ms/sample @64, train {result.TrainSeconds:F2} s");

    private static TrainingOptions Options(int batch, double learningRate) =>
        new() { Threads = 1, BatchSize = batch, LearningRate = learningRate, LatencyWarmups = 1, LatencyRepeats = 1 };

    private static double Majority(int[] labels) => labels.GroupBy(l => l).Max(g => g.Count()) / (double)labels.Length;
}

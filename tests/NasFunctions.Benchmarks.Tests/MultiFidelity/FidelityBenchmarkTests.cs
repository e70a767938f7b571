using System.Text.Json;
using NasFunctions.Benchmarks.MultiFidelity;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Tests.MultiFidelity;

/// <summary>The fidelity benchmark on a small real Fashion-MNIST subset: epochs counted, promotions continued exactly.</summary>
[Collection("TorchSharp")]
public class FidelityBenchmarkTests
{
    private static readonly FidelityBenchmarkOptions Tiny = new()
    {
        Space = """{ "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [8], "batchNorm": [true] }""",
        Architectures = 3, Eta = 3, MinEpochs = 1, MaxEpochs = 3, DataFraction = 1, BatchSize = 32, Threads = 1, Seed = 2,
    };

    [Fact]
    public void Halving_trains_a_third_of_the_trials_on_and_its_promotion_reaches_the_full_runs_weights_exactly()
    {
        var data = TrainingData.From(DatasetCache.GetOrLoad(new DatasetOptions { Name = "fashion-mnist", Seed = 2 }).Take(300, 200, 10));

        var result = FidelityBenchmark.Run(Tiny, data);

        (result.Full.Trials, result.Full.Epochs).ShouldBe((3, 9));
        (result.Halving.Trials, result.Halving.Epochs).ShouldBe((4, 3 + 2), "3 architectures for 1 epoch, then the best one 2 more");
        result.Halving.TrialList.Take(3).Select(t => t.Architecture).ShouldBe(result.Full.TrialList.Select(t => t.Architecture));
        var promoted = result.Halving.TrialList[3];
        (promoted.StartEpoch, promoted.Epochs).ShouldBe((1, 3));
        var first = result.Halving.TrialList.Take(3).MaxBy(t => t.Validation)!;
        promoted.Architecture.ShouldBe(first.Architecture, "the best of the first rung is the one promoted");
        promoted.Validation.ShouldBe(result.Full.TrialList.Single(t => t.Architecture == promoted.Architecture).Validation);
        result.EpochRatio.ShouldBe(5.0 / 9);
        result.Full.BestValidation.ShouldBe(result.Full.TrialList.Max(t => t.Validation));
        result.Full.BestValidation.ShouldBeGreaterThan(0.3, "chance is 0.1");

        var json = JsonDocument.Parse(result.ToJson()).RootElement;
        json.GetProperty("full").GetProperty("epochs").GetInt32().ShouldBe(9);
        json.GetProperty("halving").GetProperty("epochs").GetInt32().ShouldBe(5);
        json.GetProperty("halving").GetProperty("best_val").GetDouble().ShouldBe(Math.Round(result.Halving.BestValidation * 100, 4));
        result.ToTable().ShouldContain("of the epochs");
        var row = new FidelityBenchmarkResult(result.Full with { BestArchitecture = "conv3x3/8+bn|maxpool" }, result.Halving).ToTable().Split('\n')[2];
        row.ShouldContain(@"conv3x3/8+bn\|maxpool");
        System.Text.RegularExpressions.Regex.Count(row, @"(?<!\\)\|").ShouldBe(7, "six cells: an architecture's '|' must not split the Markdown row");
    }

    [Fact]
    public void Options_without_two_rungs_are_refused() =>
        Should.Throw<ArgumentException>(() => FidelityBenchmark.Run(Tiny with { MaxEpochs = 2 }, TrainingData.From(
            DatasetCache.GetOrLoad(new DatasetOptions { Name = "fashion-mnist", Seed = 2 }).Take(10, 10, 10)))).Message.ShouldContain("MaxEpochs");
}

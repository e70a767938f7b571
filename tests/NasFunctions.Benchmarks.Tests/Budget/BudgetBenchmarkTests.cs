using System.Text.Json;
using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>The budget benchmark on a small real Fashion-MNIST subset: options checked, the search cut at its deadline, the JSON's shape.</summary>
[Collection("TorchSharp")]
public class BudgetBenchmarkTests
{
    private static readonly BudgetBenchmarkOptions Tiny = new()
    {
        Minutes = 0.15, // 9 s: one-epoch trials on 300 images finish well within it even beside other test projects
        Space = """
            { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 3, "operations": ["conv3x3", "conv5x5", "maxpool", "avgpool"],
              "channels": [8, 16], "batchNorm": [true], "skip": [false, true] }
            """,
        ReferenceArchitecture = "conv3x3/16+bn|maxpool",
        CandidatesPerRound = 3, BatchSize = 32, Threads = 1, Seed = 2, RetrainShare = 0,
    };

    /// <summary>The deadline's timer counts whole milliseconds of a coarser clock than the stopwatch, so it may fire a tick early.</summary>
    private const double TimerTick = 0.05;

    private static TrainingData Data() =>
        TrainingData.From(DatasetCache.GetOrLoad(new DatasetOptions { Name = "fashion-mnist", Seed = 2 }).Take(300, 100, 100));

    [Theory]
    [InlineData(0, null, "Minutes")]
    [InlineData(-1, null, "Minutes")]
    [InlineData(2000, null, "Minutes")]
    [InlineData(1, "annealing", "unknown")]
    [InlineData(1, null, "RetrainShare", -0.5)]
    [InlineData(1, null, "RetrainShare", 0.91)]
    public void Bad_options_are_refused(double minutes, string? strategy, string problem, double retrainShare = 0)
    {
        var options = Tiny with { Minutes = minutes, Strategy = strategy, RetrainShare = retrainShare };

        options.Validate().ShouldHaveSingleItem().ShouldContain(problem);
        Should.Throw<ArgumentException>(() => BudgetBenchmark.Run(options, Data())).Message.ShouldContain(problem);
    }

    [Fact]
    public void Known_strategies_and_the_default_are_accepted()
    {
        Tiny.Validate().ShouldBeEmpty();
        (Tiny with { Strategy = "evolution" }).Validate().ShouldBeEmpty();
    }

    [Fact]
    public void The_search_stops_at_its_deadline_and_the_json_has_the_documented_shape()
    {
        var result = BudgetBenchmark.Run(Tiny, Data());

        result.Search.Seconds.ShouldBeGreaterThanOrEqualTo(Tiny.Minutes * 60 - TimerTick, "hundreds of architectures: the search runs until its deadline");
        result.Search.Seconds.ShouldBeLessThan(Tiny.Minutes * 60 + 4, "the trial in training is cut off at the deadline (slack for a shared machine)");
        result.Search.Trials.ShouldBeGreaterThan(0, "a finished trial is the answer (how many fit 3 s depends on the machine)");
        result.Search.Epochs.ShouldBeGreaterThanOrEqualTo(result.Search.Trials);
        result.Reference.Epochs.ShouldBeGreaterThan(1, "one timing epoch and a run from scratch");
        result.Search.Validation.ShouldBeGreaterThan(0.2, "chance is 0.1");

        var json = JsonDocument.Parse(result.ToJson()).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["minutes", "search", "reference"]);
        json.GetProperty("minutes").GetDouble().ShouldBe(0.15);
        var search = json.GetProperty("search");
        search.EnumerateObject().Select(p => p.Name).ShouldBe(["val", "test", "architecture", "epochs"]);
        search.GetProperty("val").GetDouble().ShouldBe(Math.Round(result.Search.Validation * 100, 2));
        search.GetProperty("test").GetDouble().ShouldBe(Math.Round(result.Search.Test * 100, 2));
        search.GetProperty("architecture").GetString().ShouldBe(result.Search.Architecture);
        result.ToJson().ShouldContain($"\"{result.Search.Architecture}\"", Case.Sensitive, "the architecture unescaped, as the spec writes it");
        search.GetProperty("epochs").GetInt32().ShouldBe(result.Search.Epochs);
        var reference = json.GetProperty("reference");
        reference.EnumerateObject().Select(p => p.Name).ShouldBe(["val", "test"]);
        reference.GetProperty("test").GetDouble().ShouldBe(Math.Round(result.Reference.Test * 100, 2));
        result.ToTable().ShouldContain("| reference |");
        result.Retrained.ShouldBeNull("share 0: no retraining");
        result.Answer.ShouldBe(result.Search);
    }

    [Fact]
    public void With_a_retrain_share_the_search_stops_early_and_its_best_architecture_is_retrained_from_scratch_in_the_rest()
    {
        var options = Tiny with { Minutes = 0.2, RetrainShare = 0.5 }; // 6 s of search, then 6 s of retraining

        var result = BudgetBenchmark.Run(options, Data());

        result.Search.Seconds.ShouldBeGreaterThanOrEqualTo(6 - TimerTick, "the search runs until its share of the minutes is spent");
        result.Search.Seconds.ShouldBeLessThan(6 + 4, "and stops there (slack for a shared machine)");
        var retrained = result.Retrained.ShouldNotBeNull();
        retrained.Architecture.ShouldBe(result.Search.Architecture, "the search's best architecture is the one retrained");
        retrained.Epochs.ShouldBeGreaterThan(1, "one timing epoch and a run from scratch");
        retrained.BestEpochs.ShouldBe(retrained.Epochs - 1, "the run from scratch trains the epochs that fit after the timing one");

        var answer = result.Answer;
        answer.Validation.ShouldBe(Math.Max(result.Search.Validation, retrained.Validation));
        answer.Epochs.ShouldBe(result.Search.Epochs + retrained.Epochs, "the search's epochs are both phases'");
        var search = JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("search");
        search.GetProperty("val").GetDouble().ShouldBe(Math.Round(answer.Validation * 100, 2));
        search.GetProperty("test").GetDouble().ShouldBe(Math.Round(answer.Test * 100, 2));
        search.GetProperty("epochs").GetInt32().ShouldBe(answer.Epochs);
        result.ToTable().ShouldContain("| search, retrained");
        result.ToTable().ShouldContain("(answer) |");
    }
}

using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;

namespace NasFunctions.Evaluator.Tests;

public sealed class TrainingOptionsTests
{
    [Fact]
    public void Defaults_are_documented_values_and_valid()
    {
        var options = new TrainingOptions();

        (options.BatchSize, options.LearningRate, options.WeightDecay, options.Threads, options.EvaluationChunk, options.Device)
            .ShouldBe((128, 1e-3, 0.0, 0, 1000, "cpu"));
        options.EffectiveThreads.ShouldBe(Environment.ProcessorCount);
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_lists_every_error()
    {
        var options = new TrainingOptions
        {
            BatchSize = 0, LearningRate = -1, WeightDecay = double.NaN, Threads = -2, EvaluationChunk = 0, Device = "tpu",
        };

        var errors = options.Validate();

        errors.Count.ShouldBe(6);
        errors.ShouldContain(e => e.Contains("tpu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Known_devices_are_valid(string device) => new TrainingOptions { Device = device }.Validate().ShouldBeEmpty();

    [Fact]
    public void The_optimizer_schedule_and_plan_are_validated_with_the_rest()
    {
        var defaults = new TrainingOptions();
        (defaults.Optimizer.Name, defaults.Schedule.Name, defaults.PlannedEpochs).ShouldBe(("adam", "constant", (int?)null));

        var options = new TrainingOptions
        {
            PlannedEpochs = 0, Optimizer = new OptimizerOptions { Name = "lamb" }, Schedule = new ScheduleOptions { Name = "cosine", MinFactor = 3 },
        };

        var errors = options.Validate();
        errors.Count.ShouldBe(3);
        errors.ShouldContain(e => e.Contains("PlannedEpochs", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("lamb", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("MinFactor", StringComparison.Ordinal));
    }
}

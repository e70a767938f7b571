using System.Text.Json;
using NasFunctions.Benchmarks.Trainer;

namespace NasFunctions.Benchmarks.Tests;

[Collection("TorchSharp")]
public class TrainerBenchmarkTests
{
    private static readonly TrainerBenchmarkOptions Tiny = new()
    {
        BatchSize = 8, WarmupSteps = 1, Steps = 2, Threads = 1, Device = "cpu", MatmulSize = 128, MatmulRepeats = 2,
    };

    [Fact]
    public void Returns_positive_consistent_figures()
    {
        var result = TrainerBenchmark.Run(Tiny);

        result.SamplesPerSecond.ShouldBeGreaterThan(0);
        result.MatmulGflops.ShouldBeGreaterThan(0);
        result.Device.ShouldBe("cpu");
        result.Threads.ShouldBe(1);
        // conv3x3/32+bn|conv3x3/64+bn|conv3x3/128+bn on 1x28x28: about 4.35 MFLOP forward, 3 x that to train.
        result.TrainingFlopsPerSample.ShouldBeInRange(12_000_000, 14_000_000);
        result.TrainingFlopsPerSample.ShouldBe(3 * (result.TrainingFlopsPerSample / 3));
        result.Gflops.ShouldBe(result.SamplesPerSecond * result.TrainingFlopsPerSample / 1e9, 1e-9);
        result.Ratio.ShouldBe(result.Gflops / result.MatmulGflops, 1e-12);
    }

    [Fact]
    public void Runs_in_bf16_with_a_bf16_matmul_reference_and_refuses_unknown_precisions()
    {
        var result = TrainerBenchmark.Run(Tiny with { Precision = "bf16" });

        result.SamplesPerSecond.ShouldBeGreaterThan(0);
        result.MatmulGflops.ShouldBeGreaterThan(0);
        Should.Throw<ArgumentException>(() => TrainerBenchmark.Run(Tiny with { Precision = "fp16" })).Message.ShouldContain("fp32, bf16");
    }

    [Fact]
    public void Json_has_the_four_figures_first_then_only_device_and_threads()
    {
        var result = new TrainerBenchmarkResult(1000.123456, 13_000_000, 13.0016, 100.5, "cpu", 2);

        using var json = JsonDocument.Parse(result.ToJson());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBe(["samples_per_s", "gflops", "matmul_gflops", "ratio", "device", "threads"]);
        json.RootElement.GetProperty("samples_per_s").GetDouble().ShouldBe(1000.1235);
        json.RootElement.GetProperty("ratio").GetDouble().ShouldBe(Math.Round(13.0016 / 100.5, 4));
        result.ToJson().ShouldStartWith("""{"samples_per_s": 1000.1235, "gflops": 13.0016, "matmul_gflops": 100.5, "ratio": 0.1294""");
    }

    [Fact]
    public void Rejects_a_bad_device_and_a_non_macro_architecture()
    {
        Should.Throw<ArgumentException>(() => TrainerBenchmark.Run(Tiny with { Device = "tpu" }));
        Should.Throw<FormatException>(() => TrainerBenchmark.Run(Tiny with { Architecture = "conv9x9/16" }));
    }
}

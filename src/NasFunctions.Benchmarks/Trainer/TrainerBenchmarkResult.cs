using System.Globalization;
using System.Text;

namespace NasFunctions.Benchmarks.Trainer;

/// <summary>The trainer benchmark's figures: training throughput, the FLOP rate it achieves, the matmul rate and their ratio.</summary>
/// <param name="SamplesPerSecond">Training samples per second over the timed steps.</param>
/// <param name="TrainingFlopsPerSample">Training FLOPs per sample: 3 x the forward FLOPs (forward, input gradients, weight gradients).</param>
/// <param name="Gflops">Achieved GFLOP/s: samples/s x training FLOPs per sample / 1e9.</param>
/// <param name="MatmulGflops">GFLOP/s of a large float32 matmul in the same process at the same thread count (2n^3 per product).</param>
/// <param name="Device">The device trained on (cpu or cuda).</param>
/// <param name="Threads">Torch threads used.</param>
public sealed record TrainerBenchmarkResult(
    double SamplesPerSecond, long TrainingFlopsPerSample, double Gflops, double MatmulGflops, string Device, int Threads)
{
    /// <summary>Achieved GFLOP/s over the matmul GFLOP/s.</summary>
    public double Ratio => MatmulGflops > 0 ? Gflops / MatmulGflops : 0;

    /// <summary>The figures as one JSON object: samples_per_s, gflops, matmul_gflops, ratio, then device and threads.</summary>
    public string ToJson() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"samples_per_s": {{Round(SamplesPerSecond)}}, "gflops": {{Round(Gflops)}}, "matmul_gflops": {{Round(MatmulGflops)}}, "ratio": {{Round(Ratio)}}, "device": "{{Device}}", "threads": {{Threads}}}""");

    /// <summary>The figures as a small text table.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"device {Device}, {Threads} threads, {TrainingFlopsPerSample / 1e6:F2} MFLOP per training sample (3 x forward)");
        text.AppendLine("| samples/s | GFLOP/s | matmul GFLOP/s | ratio |");
        text.AppendLine("|---:|---:|---:|---:|");
        text.Append(c, $"| {SamplesPerSecond:F1} | {Gflops:F2} | {MatmulGflops:F2} | {Ratio:F3} |");
        return text.ToString();
    }

    private static double Round(double value) => Math.Round(value, 4);
}

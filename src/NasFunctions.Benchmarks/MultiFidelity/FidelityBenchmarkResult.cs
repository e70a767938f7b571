using System.Globalization;
using System.Text;

namespace NasFunctions.Benchmarks.MultiFidelity;

/// <summary>The fidelity benchmark's two runs side by side: every architecture trained fully, and successive halving.</summary>
/// <param name="Full">Every architecture trained for the top rung's epochs.</param>
/// <param name="Halving">Successive halving over the same architectures, promoted trials continuing from their weights.</param>
public sealed record FidelityBenchmarkResult(FidelityRun Full, FidelityRun Halving)
{
    /// <summary>Halving's best validation accuracy minus the full run's, in percentage points.</summary>
    public double GapPoints => (Halving.BestValidation - Full.BestValidation) * 100;

    /// <summary>Halving's epochs over the full run's.</summary>
    public double EpochRatio => Full.Epochs > 0 ? (double)Halving.Epochs / Full.Epochs : 0;

    /// <summary><c>{"full": {"best_val": x, "epochs": x}, "halving": {...}}</c>, accuracy in percent.</summary>
    public string ToJson() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"full": {{Run(Full)}}, "halving": {{Run(Halving)}}}""");

    /// <summary>The runs as a Markdown table (an architecture's <c>|</c> escaped), then the gap and the epoch ratio.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| run | best val % | epochs | trials | seconds | best architecture (epochs) |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, run) in new[] { ("full", Full), ("halving", Halving) })
        {
            text.AppendLine(c, $"| {name} | {run.BestValidation * 100:F2} | {run.Epochs} | {run.Trials} | {run.Seconds:F1} | {run.BestArchitecture.Replace("|", "\\|", StringComparison.Ordinal)} ({run.BestEpochs}) |");
        }

        text.Append(c, $"halving vs full: {GapPoints:+0.00;-0.00;0.00} points of validation accuracy with {EpochRatio:F3} of the epochs");
        return text.ToString();
    }

    private static string Run(FidelityRun run) => string.Create(
        CultureInfo.InvariantCulture, $$"""{"best_val": {{Math.Round(run.BestValidation * 100, 4)}}, "epochs": {{run.Epochs}}}""");
}

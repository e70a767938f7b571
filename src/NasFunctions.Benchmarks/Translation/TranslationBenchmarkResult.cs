using System.Globalization;
using System.Text;
using System.Text.Json;
using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Benchmarks.Translation;

/// <summary>The translation benchmark's two runs, their fitness turned back into the task's metric.</summary>
/// <param name="Task">"messages" or "g2p".</param>
/// <param name="Metric">"bleu" or "wer".</param>
/// <param name="Minutes">Wall-clock minutes each run had.</param>
/// <param name="Search">The search's best trial by validation fitness.</param>
/// <param name="Baseline">The attention LSTM trained for as many epochs as its minutes allowed.</param>
/// <param name="Retrained">The search's best architecture retrained from scratch in the search's last minutes; null when the retraining is off.</param>
public sealed record TranslationBenchmarkResult(string Task, string Metric, double Minutes, BudgetRun Search, BudgetRun Baseline, BudgetRun? Retrained = null)
{
    /// <summary>The search's answer: <see cref="Search"/> or <see cref="Retrained"/>, whichever validates better (<see cref="BudgetRun.Answer"/>).</summary>
    public BudgetRun Answer => BudgetRun.Answer(Search, Retrained);

    /// <summary><c>{"task": t, "search": {"test": x, "architecture": s}, "baseline": {"test": x}, "metric": m, "minutes": m}</c>; BLEU or WER, 0 to 100; the search's figures are its <see cref="Answer"/>.</summary>
    public string ToJson()
    {
        var c = CultureInfo.InvariantCulture;
        var answer = Answer;
        var search = string.Create(c, $$"""{"test": {{Score(answer.Test)}}, "architecture": {{JsonSerializer.Serialize(answer.Architecture)}}}""");
        return string.Create(c, $$"""{"task": "{{Task}}", "search": {{search}}, "baseline": {"test": {{Score(Baseline.Test)}}}, "metric": "{{Metric}}", "minutes": {{Minutes}}}""");
    }

    /// <summary>The runs as a Markdown table.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var name = Metric == TranslationScores.Wer ? "WER" : "BLEU";
        var text = new StringBuilder();
        text.AppendLine(c, $"{Task}: {Minutes:G4} minutes each, one after the other ({name}: {(Metric == TranslationScores.Wer ? "lower" : "higher")} is better)");
        text.AppendLine(c, $"| run | val {name} | test {name} | epochs spent | trials | seconds | architecture (its epochs) |");
        text.Append("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (label, run) in BudgetBenchmarkResult.Runs(Search, Retrained, Baseline, "baseline"))
        {
            text.AppendLine().Append(c, $"| {label} | {Score(run.Validation):F2} | {Score(run.Test):F2} | {run.Epochs} | {run.Trials} | {run.Seconds:F1} | {run.Architecture} ({run.BestEpochs}) |");
        }

        return text.ToString();
    }

    /// <summary>A fitness in [0, 1] as the metric: BLEU = 100 x fitness, WER = 100 - 100 x fitness.</summary>
    private double Score(double fitness) => AsMetric(Metric, fitness);

    /// <summary>A fitness in [0, 1] as <paramref name="metric"/>, rounded to 2 places: BLEU = 100 x fitness, WER = 100 - 100 x fitness.</summary>
    internal static double AsMetric(string metric, double fitness) => Math.Round(metric == TranslationScores.Wer ? 100 - (fitness * 100) : fitness * 100, 2);
}

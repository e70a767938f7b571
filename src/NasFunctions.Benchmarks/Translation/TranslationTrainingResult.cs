using System.Globalization;
using System.Text.Json;
using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Benchmarks.Translation;

/// <summary>One architecture trained by <see cref="TranslationBenchmark.TrainOne"/>, its fitness turned back into the task's metric.</summary>
/// <param name="Task">"messages" or "g2p".</param>
/// <param name="Metric">"bleu" or "wer".</param>
/// <param name="Architecture">The canonical architecture.</param>
/// <param name="Epochs">Epochs it trained.</param>
/// <param name="Validation">Its validation fitness, in [0, 1].</param>
/// <param name="Test">Its test fitness, in [0, 1].</param>
/// <param name="Seconds">Seconds of training (scoring excluded).</param>
public sealed record TranslationTrainingResult(string Task, string Metric, string Architecture, int Epochs, double Validation, double Test, double Seconds)
{
    /// <summary><c>{"task": t, "architecture": s, "epochs": n, "validation": x, "test": x, "metric": m, "seconds": s}</c>; BLEU or WER, 0 to 100.</summary>
    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"task": "{{Task}}", "architecture": {{JsonSerializer.Serialize(Architecture)}}, "epochs": {{Epochs}}, "validation": {{Score(Validation)}}, "test": {{Score(Test)}}, "metric": "{{Metric}}", "seconds": {{Math.Round(Seconds, 1)}}}""");

    /// <summary>One line: the architecture, its epochs and seconds, and its validation and test metric.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Task} {Architecture}: {Epochs} epochs in {Seconds:F1} s, val {(Metric == TranslationScores.Wer ? "WER" : "BLEU")} {Score(Validation):F2}, test {Score(Test):F2}");

    private double Score(double fitness) => TranslationBenchmarkResult.AsMetric(Metric, fitness);
}

using System.Globalization;
using System.Text;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>The budget benchmark's two runs: the search's best trial and the reference CNN, each after the same wall-clock minutes.</summary>
/// <param name="Minutes">Wall-clock minutes each run had.</param>
/// <param name="Search">The search's best trial (by validation accuracy) and the epochs all its trials trained.</param>
/// <param name="Reference">The reference CNN trained for as many epochs as its minutes allowed.</param>
public sealed record BudgetBenchmarkResult(double Minutes, BudgetRun Search, BudgetRun Reference)
{
    /// <summary><c>{"minutes": m, "search": {"val": x, "test": x, "architecture": s, "epochs": n}, "reference": {"val": x, "test": x}}</c>, accuracy in percent.</summary>
    public string ToJson()
    {
        var c = CultureInfo.InvariantCulture;
        var search = string.Create(c, $$"""{"val": {{Percent(Search.Validation)}}, "test": {{Percent(Search.Test)}}, "architecture": {{System.Text.Json.JsonSerializer.Serialize(Search.Architecture, JsonText)}}, "epochs": {{Search.Epochs}}}""");
        var reference = string.Create(c, $$"""{"val": {{Percent(Reference.Validation)}}, "test": {{Percent(Reference.Test)}}}""");
        return string.Create(c, $$"""{"minutes": {{Minutes}}, "search": {{search}}, "reference": {{reference}}}""");
    }

    /// <summary>The runs as a Markdown table (an architecture's <c>|</c> escaped).</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Minutes:G4} minutes each, one after the other");
        text.AppendLine("| run | val % | test % | epochs spent | trials | seconds | architecture (its epochs) |");
        text.Append("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, run) in new[] { ("search", Search), ("reference", Reference) })
        {
            text.AppendLine().Append(c, $"| {name} | {run.Validation * 100:F2} | {run.Test * 100:F2} | {run.Epochs} | {run.Trials} | {run.Seconds:F1} | {run.Architecture.Replace("|", "\\|", StringComparison.Ordinal)} ({run.BestEpochs}) |");
        }

        return text.ToString();
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double Percent(double accuracy) => Math.Round(accuracy * 100, 2);
}

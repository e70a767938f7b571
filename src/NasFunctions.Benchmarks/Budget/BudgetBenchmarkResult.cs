using System.Globalization;
using System.Text;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>The budget benchmark's runs: the search (and its best architecture retrained) and the reference CNN, each after the same wall-clock minutes.</summary>
/// <param name="Minutes">Wall-clock minutes each run had.</param>
/// <param name="Search">The search's best trial (by validation accuracy) and the epochs all its trials trained.</param>
/// <param name="Reference">The reference CNN trained for as many epochs as its minutes allowed.</param>
/// <param name="Retrained">The search's best architecture retrained from scratch in the search's last minutes; null when the retraining is off.</param>
public sealed record BudgetBenchmarkResult(double Minutes, BudgetRun Search, BudgetRun Reference, BudgetRun? Retrained = null)
{
    /// <summary>The search's answer: <see cref="Search"/> or <see cref="Retrained"/>, whichever validates better (<see cref="BudgetRun.Answer"/>).</summary>
    public BudgetRun Answer => BudgetRun.Answer(Search, Retrained);

    /// <summary><c>{"minutes": m, "search": {"val": x, "test": x, "architecture": s, "epochs": n}, "reference": {"val": x, "test": x}}</c>, accuracy in percent; the search's figures are its <see cref="Answer"/>.</summary>
    public string ToJson()
    {
        var c = CultureInfo.InvariantCulture;
        var answer = Answer;
        var search = string.Create(c, $$"""{"val": {{Percent(answer.Validation)}}, "test": {{Percent(answer.Test)}}, "architecture": {{System.Text.Json.JsonSerializer.Serialize(answer.Architecture, JsonText)}}, "epochs": {{answer.Epochs}}}""");
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
        foreach (var (name, run) in Runs(Search, Retrained, Reference, "reference"))
        {
            text.AppendLine().Append(c, $"| {name} | {run.Validation * 100:F2} | {run.Test * 100:F2} | {run.Epochs} | {run.Trials} | {run.Seconds:F1} | {run.Architecture.Replace("|", "\\|", StringComparison.Ordinal)} ({run.BestEpochs}) |");
        }

        return text.ToString();
    }

    /// <summary>The table's rows: the search's best trial, its retraining where there is one, and the run it is compared with; the answer marked.</summary>
    internal static IEnumerable<(string Name, BudgetRun Run)> Runs(BudgetRun search, BudgetRun? retrained, BudgetRun compared, string comparedName)
    {
        var retrainedIsAnswer = BudgetRun.RetrainedIsAnswer(search, retrained);
        yield return (retrained is null ? "search" : retrainedIsAnswer ? "search, best trial" : "search, best trial (answer)", search);
        if (retrained is not null)
        {
            yield return (retrainedIsAnswer ? "search, retrained (answer)" : "search, retrained", retrained);
        }

        yield return (comparedName, compared);
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double Percent(double accuracy) => Math.Round(accuracy * 100, 2);
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NasFunctions.Benchmarks;

/// <summary>Prints benchmark scores as an aligned text table or as a JSON array.</summary>
public static class StrategyBenchmarkReport
{
    /// <summary>
    /// A JSON array with one object per strategy:
    /// <c>{"strategy": name, "mean": x, "sd": x, "optimum_share": x, "seconds": x}</c>.
    /// </summary>
    public static string ToJson(IReadOnlyList<StrategyScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var array = new JsonArray([.. scores.Select(s => (JsonNode)new JsonObject
        {
            ["strategy"] = s.Strategy,
            ["mean"] = Math.Round(s.Mean, 4),
            ["sd"] = Math.Round(s.StandardDeviation, 4),
            ["optimum_share"] = Math.Round(s.OptimumShare, 4),
            ["seconds"] = Math.Round(s.Seconds, 2),
        })]);
        return array.ToJsonString();
    }

    /// <summary>A text table: strategy, mean, sd, optimum share (percent) and seconds, one row per strategy.</summary>
    public static string ToTable(IReadOnlyList<StrategyScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var width = Math.Max("strategy".Length, scores.Select(s => s.Strategy.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"strategy".PadRight(width)}  {"mean",9}  {"sd",7}  {"optimum",7}  {"seconds",8}");
        foreach (var s in scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Strategy.PadRight(width)}  {s.Mean,9:0.0000}  {s.StandardDeviation,7:0.0000}  {s.OptimumShare,7:0%}  {s.Seconds,8:0.0}");
        }

        return text.ToString();
    }
}

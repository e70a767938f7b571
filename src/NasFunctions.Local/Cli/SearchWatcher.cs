using System.Globalization;
using System.Text.Json;

namespace NasFunctions.Local.Cli;

/// <summary>Follows a search over the HTTP API: a live progress line, then the leaderboard.</summary>
public sealed class SearchWatcher(HttpClient http, TextWriter output, TimeProvider time)
{
    private static readonly string[] Finished = ["Completed", "Failed", "Terminated", "Canceled"];

    /// <summary>Polls <c>GET /api/searches/{id}</c> until the search ends; returns its final status document.</summary>
    public async Task<JsonElement> FollowAsync(string id, TimeSpan interval, CancellationToken cancellationToken)
    {
        bool live = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var started = time.GetUtcNow();
        string last = "";
        while (true)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync($"api/searches/{id}", cancellationToken));
            var status = document.RootElement.Clone();
            string runtime = Text(status, "runtimeStatus") ?? "Pending";
            string line = $"{Describe(runtime, status.TryGetProperty("progress", out var p) ? p : default)} | {time.GetUtcNow() - started:mm\\:ss}";
            if (live)
            {
                output.Write($"\r{line,-118}");
            }
            else if (StripClock(line) != StripClock(last))
            {
                output.WriteLine(line);
            }

            last = line;
            if (Finished.Contains(runtime))
            {
                if (live)
                {
                    output.WriteLine();
                }

                return status;
            }

            await Task.Delay(interval, time, cancellationToken);
        }
    }

    /// <summary>Prints <c>GET /api/searches/{id}/trials</c> as a table, best validation accuracy first.</summary>
    public async Task PrintLeaderboardAsync(string id, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"api/searches/{id}/trials", cancellationToken));
        output.WriteLine($"{"#",3}  {"trial",-11} {"status",-9} {"val %",7} {"test %",7} {"params",9} {"train s",8}  architecture");
        int rank = 0;
        foreach (var trial in document.RootElement.EnumerateArray())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{++rank,3}  {Text(trial, "trialId"),-11} {Text(trial, "status"),-9} {Percent(trial, "validationAccuracy"),7} {Percent(trial, "testAccuracy"),7} {Number(trial, "parameters", "0"),9} {Number(trial, "trainSeconds", "0.0"),8}  {Text(trial, "architecture")}"));
        }
    }

    private static string Describe(string runtime, JsonElement progress)
    {
        if (progress.ValueKind != JsonValueKind.Object)
        {
            return $"{runtime.ToLowerInvariant()}: waiting for the first round";
        }

        int round = progress.GetProperty("round").GetInt32() + 1;
        string best = progress.TryGetProperty("bestValidationAccuracy", out var accuracy) && accuracy.ValueKind == JsonValueKind.Number
            ? string.Create(CultureInfo.InvariantCulture, $"best {accuracy.GetDouble() * 100:0.00}% {Text(progress, "bestTrialId")} {Text(progress, "bestArchitecture")}")
            : "best -";
        return string.Create(CultureInfo.InvariantCulture,
            $"{runtime.ToLowerInvariant()} | round {round}/{progress.GetProperty("rounds").GetInt32()} {Text(progress, "phase")} " +
            $"{progress.GetProperty("roundTrialsDone").GetInt32()}/{progress.GetProperty("roundTrials").GetInt32()} | " +
            $"trials {progress.GetProperty("trialsDone").GetInt32()}/{progress.GetProperty("trialsPlanned").GetInt32()} " +
            $"({progress.GetProperty("trialsFailed").GetInt32()} failed) | {best}");
    }

    private static string StripClock(string line) => line.Length > 8 ? line[..^8] : line;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Percent(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? (value.GetDouble() * 100).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";

    private static string Number(JsonElement element, string name, string format) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture)
            : "-";
}

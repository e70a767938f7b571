using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NasFunctions.Local.Tests;

/// <summary>A search followed through the HTTP API of whichever host serves it now (the host changes across restarts).</summary>
internal sealed class SearchProbe(string id)
{
    /// <summary>The search id.</summary>
    public string Id { get; } = id;

    /// <summary>Posts <paramref name="spec"/> and returns the accepted search.</summary>
    public static async Task<SearchProbe> PostAsync(string baseUrl, string spec)
    {
        using var http = Client(baseUrl);
        using var accepted = await http.PostAsync("api/searches", new StringContent(spec, Encoding.UTF8, "application/json"));
        string body = await accepted.Content.ReadAsStringAsync();
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        return new SearchProbe(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    }

    /// <summary>Every trial row: (id, status, epochs done, resumed from epoch).</summary>
    public async Task<IReadOnlyList<Trial>> TrialsAsync(string baseUrl)
    {
        using var http = Client(baseUrl);
        using var response = await http.GetAsync($"api/searches/{Id}/trials");
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(t => new Trial(
            t.GetProperty("trialId").GetString()!,
            t.GetProperty("status").GetString()!,
            t.TryGetProperty("epochsDone", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0,
            t.TryGetProperty("resumedFromEpoch", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : null,
            t.TryGetProperty("errorCategory", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            t.TryGetProperty("error", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null)).ToList();
    }

    /// <summary>The orchestration's runtime status (null before it exists).</summary>
    public async Task<string?> RuntimeStatusAsync(string baseUrl)
    {
        using var http = Client(baseUrl);
        using var response = await http.GetAsync($"api/searches/{Id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("runtimeStatus").GetString();
    }

    /// <summary>Why trial <paramref name="trialId"/>'s weights cannot be downloaded (the status and the problem), or null when they can.</summary>
    public async Task<string?> WeightsProblemAsync(string baseUrl, string trialId)
    {
        using var http = Client(baseUrl);
        using var response = await http.GetAsync($"api/searches/{Id}/trials/{trialId}/weights");
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Length > 0
            ? null
            : $"{(int)response.StatusCode} with {body.Length} bytes: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
    }

    /// <summary>Polls the trials until <paramref name="condition"/> holds; returns them.</summary>
    public async Task<IReadOnlyList<Trial>> WaitForTrialsAsync(
        ServeProcess host, Func<IReadOnlyList<Trial>, bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var trials = await TrialsAsync(host.BaseUrl);
            if (condition(trials))
            {
                return trials;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{what}: not within {timeout}.{Environment.NewLine}{host.Output}");
    }

    /// <summary>Polls until the search is Completed (fails fast on Failed or Terminated).</summary>
    public async Task WaitForCompletionAsync(ServeProcess host, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var status = await RuntimeStatusAsync(host.BaseUrl);
            if (status is "Completed")
            {
                return;
            }

            status.ShouldNotBeOneOf(["Failed", "Terminated"], host.Output);
            await Task.Delay(250);
        }

        throw new TimeoutException($"Search {Id} did not complete within {timeout}.{Environment.NewLine}{host.Output}");
    }

    /// <summary>
    /// Asserts the search's final trials: exactly <paramref name="expectedIds"/> (no duplicate, none lost), every one
    /// Succeeded (none left Running) and with its weights blob.
    /// </summary>
    public async Task ShouldHaveExactlyAsync(string baseUrl, IReadOnlyList<string> expectedIds)
    {
        var trials = await TrialsAsync(baseUrl);
        trials.Select(t => t.TrialId).Order(StringComparer.Ordinal).ShouldBe(expectedIds.Order(StringComparer.Ordinal));
        trials.ShouldAllBe(t => t.Status == "Succeeded");
        foreach (var trial in trials)
        {
            (await WeightsProblemAsync(baseUrl, trial.TrialId)).ShouldBeNull($"{trial.TrialId}'s weights cannot be downloaded");
        }
    }

    private static HttpClient Client(string baseUrl) => new() { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>One trial row as the API lists it.</summary>
    public sealed record Trial(string TrialId, string Status, int EpochsDone, int? ResumedFromEpoch, string? ErrorCategory = null, string? Error = null);
}

using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests.Faults;

/// <summary>Injected trial faults on a real local host (Azurite, DTFx, TorchSharp MLPs on iris), seen through the HTTP API.</summary>
[Collection(FaultyHostCollection.Name)]
public class TrialFaultEndToEndTests(FaultyHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_search_with_a_fifth_of_its_trials_faulted_completes_and_records_each_failure_with_its_category()
    {
        fixture.Faults.FaultSearch("faults-20", 0.2);

        var (id, status) = await RunAsync(Spec("faults-20", """{ "rounds": 4, "candidatesPerRound": 5, "maxParallelTrials": 2 }"""));

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        status.GetProperty("status").GetString().ShouldBe("Completed");
        var injected = fixture.Faults.Injected.Where(f => f.Search == "faults-20").ToDictionary(f => f.Architecture, f => f.Fault);
        injected.Values.Distinct().Order().ToArray().ShouldBe(new[] { InjectedFault.Exception, InjectedFault.NaN, InjectedFault.Hang }, "the seed should draw each kind");

        using var response = await fixture.Http.GetAsync($"api/searches/{id}/trials");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string text = await response.Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.IsMatch(text, @":\s*""?-?(NaN|Infinity)""?\s*[,}\r\n]").ShouldBeFalse("no value is NaN or infinite");
        text.ShouldNotContain("root:x");
        text.ShouldNotContain("/opt/");
        var trials = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        trials.Count.ShouldBe(20);
        foreach (var trial in trials)
        {
            string architecture = trial.GetProperty("architecture").GetString()!;
            if (!injected.TryGetValue(architecture, out var fault))
            {
                trial.GetProperty("status").GetString().ShouldBe("Succeeded", trial.ToString());
                continue;
            }

            trial.GetProperty("status").GetString().ShouldBe("Failed", trial.ToString());
            trial.GetProperty("errorCategory").GetString().ShouldBe(fault switch
            {
                InjectedFault.Exception => "internal",
                InjectedFault.NaN => "diverged",
                _ => "timeout",
            });
            trial.GetProperty("error").GetString()!.Length.ShouldBeLessThan(100);
            trial.GetProperty("attempt").GetInt32().ShouldBe(1, "deterministic faults are not retried");
        }

        status.GetProperty("output").GetProperty("trialsFailed").GetInt32().ShouldBe(injected.Count);
        output.WriteLine($"{trials.Count} trials, {injected.Count} faulted: "
            + string.Join(", ", injected.GroupBy(f => f.Value).Select(g => $"{g.Count()} {g.Key}")));
    }

    [Fact]
    public async Task A_search_whose_failed_trials_exceed_the_cap_ends_failed_with_the_reason()
    {
        fixture.Faults.FaultSearch("faults-cap", 1.0, InjectedFault.Exception);

        var (id, status) = await RunAsync(Spec("faults-cap", """{ "rounds": 3, "candidatesPerRound": 3, "maxParallelTrials": 2, "maxFailedTrials": 2 }"""));

        const string Reason = "3 trials failed, more than the budget's maxFailedTrials (2).";
        status.GetProperty("status").GetString().ShouldBe("Failed", status.ToString());
        status.GetProperty("search").GetProperty("error").GetString().ShouldBe(Reason);
        status.GetProperty("output").GetProperty("status").GetString().ShouldBe("Failed");
        status.GetProperty("output").GetProperty("error").GetString().ShouldBe(Reason);
        status.GetProperty("output").GetProperty("rounds").GetInt32().ShouldBe(1, "the search stops after the round that passed the cap");
        var trials = JsonDocument.Parse(await fixture.Http.GetStringAsync($"api/searches/{id}/trials")).RootElement.EnumerateArray().ToList();
        trials.Count.ShouldBe(3);
        trials.ShouldAllBe(t => t.GetProperty("errorCategory").GetString() == "internal");
    }

    private static string Spec(string name, string budget) => $$"""
        { "name": "{{name}}", "seed": 21,
          "dataset": { "name": "csv", "path": {{JsonSerializer.Serialize(Iris())}}, "labelColumn": "class" },
          "space": { "kind": "mlp", "inputs": 4, "classes": 3, "minLayers": 1, "maxLayers": 2, "units": [8, 16, 32],
                     "activations": ["relu", "tanh"], "dropout": [0], "batchNorm": [false] },
          "budget": {{budget}},
          "training": { "epochs": 1, "batchSize": 16, "learningRate": 0.01, "timeout": 8, "retry": { "attempts": 2, "backoff": 0.5 } } }
        """;

    private async Task<(string Id, JsonElement Status)> RunAsync(string spec)
    {
        using var accepted = await fixture.Http.PostAsync("api/searches", new StringContent(spec, Encoding.UTF8, "application/json"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        string id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        JsonElement status;
        do
        {
            await Task.Delay(500);
            using var response = await fixture.Http.GetAsync($"api/searches/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "GET of a search with failed trials never answers 500");
            status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        while (status.GetProperty("runtimeStatus").GetString() is not ("Completed" or "Failed" or "Terminated") && DateTime.UtcNow < deadline);

        return (id, status);
    }

    /// <summary>The project's data folder (what setup installs), a data root of the fault tests' host.</summary>
    internal static string DataFolder() => Path.GetDirectoryName(Path.GetDirectoryName(Iris()))!;

    private static string Iris()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NasFunctions.sln")))
            {
                return Path.Combine(folder.FullName, ".nas", "data", "tabular", "iris.csv");
            }
        }

        throw new DirectoryNotFoundException("No NasFunctions.sln above the test's folder.");
    }
}

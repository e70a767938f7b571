using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "local host end to end";
}

/// <summary>Through the HTTP API of a real local host: Azurite, DTFx on Azure Storage, TorchSharp on real Fashion-MNIST.</summary>
[Collection(EndToEndCollection.Name)]
public class SearchApiEndToEndTests(LocalHostFixture fixture)
{
    private const string TinySearch = """
        {
          "name": "e2e", "seed": 11,
          "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [8, 16], "batchNorm": [true], "skip": [false] },
          "budget": { "rounds": 2, "candidatesPerRound": 2, "maxParallelTrials": 2 },
          "training": { "epochs": 1, "dataFraction": 0.02, "batchSize": 32, "learningRate": 0.003 }
        }
        """;

    [Fact]
    public async Task A_search_runs_end_to_end_and_records_every_trial()
    {
        fixture.Trials.Hold("e2e"); // released once GET has shown the search in training: an idle machine trains it in under a poll
        using var accepted = await fixture.Http.PostAsync("api/searches", Json(TinySearch));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        string id = body.GetProperty("id").GetString()!;
        accepted.Headers.Location!.ToString().ShouldEndWith($"/api/searches/{id}");

        var seen = new List<JsonElement>();
        JsonElement status;
        var deadline = DateTime.UtcNow.AddMinutes(8);
        var heldUntil = DateTime.UtcNow.AddMinutes(1);
        do
        {
            await Task.Delay(500);
            status = JsonDocument.Parse(await fixture.Http.GetStringAsync($"api/searches/{id}")).RootElement.Clone();
            seen.Add(status);
            if ((status.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object
                && progress.GetProperty("phase").GetString() == "training") || DateTime.UtcNow > heldUntil)
            {
                fixture.Trials.Release("e2e");
            }
        }
        while (status.GetProperty("runtimeStatus").GetString() is not ("Completed" or "Failed" or "Terminated") && DateTime.UtcNow < deadline);
        fixture.Trials.Release("e2e");

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        seen.ShouldContain(s => s.GetProperty("runtimeStatus").GetString() == "Running"
            && s.GetProperty("progress").ValueKind == JsonValueKind.Object
            && s.GetProperty("progress").GetProperty("phase").GetString() == "training",
            "GET should show progress while the search runs");

        var store = fixture.Host.Services.GetRequiredService<ISearchStore>();
        var trials = await store.ListTrialsAsync(id);
        trials.Count.ShouldBe(4);
        foreach (var trial in trials)
        {
            trial.Status.ShouldBe(TrialStatus.Succeeded);
            trial.ValidationAccuracy!.Value.ShouldBeGreaterThan(0.2, $"{trial.Architecture} should beat chance (0.1)");
            trial.Parameters!.Value.ShouldBeGreaterThan(0);
            await using var weights = await store.OpenTrialWeightsAsync(id, trial.TrialId);
            weights.ShouldNotBeNull($"{trial.TrialId} has a weights blob");
        }

        var best = trials.MaxBy(t => t.ValidationAccuracy)!;
        var output = status.GetProperty("output");
        output.GetProperty("bestTrialId").GetString().ShouldBe(best.TrialId);
        output.GetProperty("trialsDone").GetInt32().ShouldBe(4);
        status.GetProperty("search").GetProperty("status").GetString().ShouldBe(SearchStatus.Completed);

        var leaderboard = JsonDocument.Parse(await fixture.Http.GetStringAsync($"api/searches/{id}/trials")).RootElement;
        leaderboard.GetArrayLength().ShouldBe(4);
        leaderboard[0].GetProperty("trialId").GetString().ShouldBe(best.TrialId);

        using var download = await fixture.Http.GetAsync($"api/searches/{id}/trials/{best.TrialId}/weights");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Theory]
    [InlineData("evolution")]
    [InlineData("rl")]
    [InlineData("progressive")]
    public async Task Every_learning_strategy_runs_a_durable_search_end_to_end(string strategy)
    {
        string spec = TinySearch.Replace("\"seed\": 11,", $"\"seed\": 12, \"strategy\": {{ \"name\": \"{strategy}\" }},", StringComparison.Ordinal);

        var status = await RunToEndAsync(spec);

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        status.GetProperty("search").GetProperty("strategy").GetString().ShouldBe(strategy);
        var trials = await fixture.Host.Services.GetRequiredService<ISearchStore>().ListTrialsAsync(status.GetProperty("id").GetString()!);
        trials.Count.ShouldBe(4);
        trials.ShouldAllBe(t => t.Status == TrialStatus.Succeeded);
        trials.Select(t => t.Architecture).Distinct().Count().ShouldBe(4, "no strategy spends a query twice");
    }

    [Theory]
    [InlineData("evolution")]
    [InlineData("halving")]
    public async Task A_joint_architecture_and_learning_rate_search_runs_end_to_end(string strategy)
    {
        string spec = TinySearch
            .Replace("\"seed\": 11,", $"\"seed\": 14, \"strategy\": {{ \"name\": \"{strategy}\"{(strategy == "halving" ? ", \"options\": { \"eta\": 3, \"minEpochs\": 1, \"maxEpochs\": 3 }" : "")} }},", StringComparison.Ordinal)
            .Replace("\"candidatesPerRound\": 2,", "\"candidatesPerRound\": 3,", StringComparison.Ordinal)
            .Replace("\"learningRate\": 0.003 }", "\"recipe\": \"recommended\", \"search\": { \"learningRate\": { \"float\": [0.01, 0.1], \"log\": true, \"levels\": 3 } } }", StringComparison.Ordinal);

        var status = await RunToEndAsync(spec);

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        var trials = await fixture.Host.Services.GetRequiredService<ISearchStore>().ListTrialsAsync(status.GetProperty("id").GetString()!);
        trials.Count.ShouldBeGreaterThanOrEqualTo(4);
        trials.ShouldAllBe(t => t.Status == TrialStatus.Succeeded);
        var rates = trials.Select(t => t.Architecture.Split("@learningRate=")[1]).ToList();
        rates.ShouldAllBe(rate => rate == "0.01" || rate == "0.0316228" || rate == "0.1");
        trials.ShouldAllBe(t => t.ArchitectureJson!.Contains("training.learningRate", StringComparison.Ordinal));
        if (strategy == "halving")
        {
            var promoted = trials.Single(t => t.ContinuedFrom is not null);
            promoted.Architecture.ShouldBe(trials.Single(t => t.TrialId == promoted.ContinuedFrom).Architecture, "a promotion keeps its learning rate");
        }
    }

    [Fact]
    public async Task Successive_halving_promotes_the_best_trial_which_continues_from_its_checkpoint()
    {
        const string Halving = """
            {
              "name": "halving", "seed": 13,
              "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 2, "operations": ["conv3x3", "maxpool"], "channels": [8, 16], "batchNorm": [true], "skip": [false] },
              "strategy": { "name": "halving", "options": { "eta": 3, "minEpochs": 1, "maxEpochs": 3 } },
              "budget": { "rounds": 2, "candidatesPerRound": 3, "maxParallelTrials": 2 },
              "training": { "epochs": 3, "dataFraction": 0.02, "batchSize": 32, "learningRate": 0.003 }
            }
            """;

        var status = await RunToEndAsync(Halving);

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        var trials = (await fixture.Host.Services.GetRequiredService<ISearchStore>().ListTrialsAsync(status.GetProperty("id").GetString()!))
            .ToDictionary(t => t.TrialId);
        trials.Keys.ShouldBe(["r0000-c00", "r0000-c01", "r0000-c02", "r0001-c00"], ignoreOrder: true);
        trials.Values.ShouldAllBe(t => t.Status == TrialStatus.Succeeded);
        var firstRung = trials.Values.Where(t => t.Round == 0).ToList();
        firstRung.ShouldAllBe(t => t.Epochs == 1 && t.EpochsDone == 1 && t.StartEpoch == 0 && t.ContinuedFrom == null);
        var best = firstRung.OrderByDescending(t => t.ValidationAccuracy).ThenBy(t => t.TrialId, StringComparer.Ordinal).First();
        var promoted = trials["r0001-c00"];
        (promoted.ContinuedFrom, promoted.Architecture, promoted.StartEpoch, promoted.EpochsDone, promoted.Epochs)
            .ShouldBe((best.TrialId, best.Architecture, 1, (int?)3, 3));
    }

    [Fact]
    public async Task An_invalid_spec_gets_one_400_listing_every_error_and_starts_nothing()
    {
        int starts = fixture.Orchestrations.Starts;
        int searches = (await fixture.Host.Services.GetRequiredService<ISearchStore>().ListSearchesAsync()).Count;

        using var response = await fixture.Http.PostAsync("api/searches", Json("""
            { "budget": { "rounds": 0 }, "training": { "device": "tpu" }, "strategy": "genetic", "space": { "kind": "macro-cnn", "channels": [] } }
            """));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        paths.ShouldBe(["$.budget.rounds", "$.training.device", "$.strategy.name", "$.space.channels"], ignoreOrder: true);
        fixture.Orchestrations.Starts.ShouldBe(starts);
        (await fixture.Host.Services.GetRequiredService<ISearchStore>().ListSearchesAsync()).Count.ShouldBe(searches);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        int starts = fixture.Orchestrations.Starts;

        using var response = await fixture.Http.PostAsync("api/searches", Json("{ \"budget\": "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("not valid JSON");
        text.ShouldNotContain("   at ");
        fixture.Orchestrations.Starts.ShouldBe(starts);
    }

    [Fact]
    public async Task An_unknown_search_is_a_404_problem()
    {
        using var response = await fixture.Http.GetAsync("api/searches/s19990101-000000-000000");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private Task<JsonElement> RunToEndAsync(string spec) => RunToEndAsync(fixture.Http, spec);

    /// <summary>Posts a spec, then polls its status until the search ends (or 8 minutes pass), and returns the last status.</summary>
    internal static async Task<JsonElement> RunToEndAsync(HttpClient http, string spec)
    {
        using var accepted = await http.PostAsync("api/searches", Json(spec));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        string id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddMinutes(8);
        JsonElement status;
        do
        {
            await Task.Delay(500);
            status = JsonDocument.Parse(await http.GetStringAsync($"api/searches/{id}")).RootElement.Clone();
        }
        while (status.GetProperty("runtimeStatus").GetString() is not ("Completed" or "Failed" or "Terminated") && DateTime.UtcNow < deadline);
        return status;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}

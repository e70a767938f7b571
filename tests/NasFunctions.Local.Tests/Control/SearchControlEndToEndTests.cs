using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests.Control;

/// <summary>Cancel, terminate, resume and budgets through the HTTP API of a real local host (Azurite, DTFx, TorchSharp MLPs on iris).</summary>
[Collection(ControlHostCollection.Name)]
public class SearchControlEndToEndTests(ControlHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_cancel_lets_running_trials_finish_and_a_resume_completes_the_search_without_training_any_twice()
    {
        string id = await StartAsync(Spec("control-cancel", epochs: 40, """{ "rounds": 2, "candidatesPerRound": 3, "maxParallelTrials": 2 }"""));
        await WaitForTrialsAsync(id, trials => trials.Count(t => t.GetProperty("status").GetString() == "Running") == 2);

        using (var cancel = await PostAsync($"api/searches/{id}/cancel"))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted, await cancel.Content.ReadAsStringAsync());
        }

        var canceled = await WaitForStatusAsync(id, "Canceled");
        canceled.GetProperty("search").GetProperty("stoppedBy").GetString().ShouldBe("canceled");
        var trials = await TrialsAsync(id);
        trials.Select(t => t.GetProperty("trialId").GetString()!).Order().ToArray().ShouldBe(new[] { "r0000-c00", "r0000-c01" }, "only the running trials ran");
        trials.ShouldAllBe(t => t.GetProperty("status").GetString() == "Succeeded", "a plain cancel lets them finish");

        using (var again = await PostAsync($"api/searches/{id}/cancel"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        using (var resume = await PostAsync($"api/searches/{id}/resume"))
        {
            resume.StatusCode.ShouldBe(HttpStatusCode.Accepted, await resume.Content.ReadAsStringAsync());
            JsonDocument.Parse(await resume.Content.ReadAsStringAsync()).RootElement.GetProperty("round").GetInt32().ShouldBe(0);
        }

        var completed = await WaitForStatusAsync(id, "Completed");
        completed.GetProperty("search").GetProperty("resumes").GetInt32().ShouldBe(1);
        var all = await TrialsAsync(id);
        all.Count.ShouldBe(6);
        all.ShouldAllBe(t => t.GetProperty("status").GetString() == "Succeeded" && t.GetProperty("attempt").GetInt32() == 1,
            "the two finished before the cancel were not trained again");
    }

    [Fact]
    public async Task A_terminate_stops_running_trainings_within_seconds_and_a_resume_trains_them_on_from_their_checkpoints()
    {
        string id = await StartAsync(Spec("control-terminate", epochs: 1000, """{ "rounds": 1, "candidatesPerRound": 2, "maxParallelTrials": 2 }"""));
        await WaitForTrialsAsync(id, trials => trials.Count(t => t.GetProperty("status").GetString() == "Running"
            && t.GetProperty("epochsDone").ValueKind == JsonValueKind.Number && t.GetProperty("epochsDone").GetInt32() >= 2) == 2);

        var clock = Stopwatch.StartNew();
        using (var terminate = await PostAsync($"api/searches/{id}/cancel?mode=terminate"))
        {
            terminate.StatusCode.ShouldBe(HttpStatusCode.Accepted, await terminate.Content.ReadAsStringAsync());
        }

        var stoppedTrials = await WaitForTrialsAsync(id, trials => trials.All(t => t.GetProperty("status").GetString() == "Failed"));
        var trainingsStopped = clock.Elapsed;
        var canceled = await WaitForStatusAsync(id, "Canceled");
        output.WriteLine($"terminate: both trainings stopped {trainingsStopped.TotalSeconds:F1} s after the request, search Canceled after {clock.Elapsed.TotalSeconds:F1} s");
        trainingsStopped.ShouldBeLessThan(TimeSpan.FromSeconds(10), "a terminated training stops at its next stop check");
        stoppedTrials.ShouldAllBe(t => t.GetProperty("errorCategory").GetString() == "canceled");
        var epochsAtStop = stoppedTrials.ToDictionary(t => t.GetProperty("trialId").GetString()!, t => t.GetProperty("epochsDone").GetInt32());
        epochsAtStop.Values.ShouldAllBe(e => e < 1000);
        canceled.GetProperty("output").GetProperty("status").GetString().ShouldBe("Canceled");

        using (var resume = await PostAsync($"api/searches/{id}/resume"))
        {
            resume.StatusCode.ShouldBe(HttpStatusCode.Accepted, await resume.Content.ReadAsStringAsync());
        }

        // The resumed trials start again from their last epoch checkpoints; then a terminate stops them again.
        var resumed = await WaitForTrialsAsync(id, trials => trials.All(t => t.GetProperty("status").GetString() == "Running"
            && t.GetProperty("attempt").GetInt32() == 2));
        resumed.ShouldAllBe(t => t.GetProperty("resumedFromEpoch").GetInt32() >= epochsAtStop[t.GetProperty("trialId").GetString()!]);
        using (var terminate = await PostAsync($"api/searches/{id}/cancel?mode=terminate"))
        {
            terminate.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await WaitForStatusAsync(id, "Canceled");
    }

    [Fact]
    public async Task The_compute_budget_stops_the_search_and_the_status_shows_the_spend_and_the_estimated_cost()
    {
        string id = await StartAsync(Spec("control-budget", epochs: 20,
            """{ "rounds": 10, "candidatesPerRound": 2, "maxParallelTrials": 1, "maxComputeSeconds": 1.5, "maxWallClock": "10m" }"""));

        var status = await WaitForStatusAsync(id, "Completed");

        var budget = status.GetProperty("budget");
        output.WriteLine($"budget: {budget}");
        output.WriteLine($"cost: {status.GetProperty("cost")}");
        budget.GetProperty("stoppedBy").GetString().ShouldBe("maxComputeSeconds");
        var compute = budget.GetProperty("computeSeconds");
        compute.GetProperty("limit").GetDouble().ShouldBe(1.5);
        double spent = compute.GetProperty("spent").GetDouble();
        spent.ShouldBeGreaterThanOrEqualTo(1.5);
        var trials = await TrialsAsync(id);
        double last = trials.Max(t => t.GetProperty("trainSeconds").GetDouble());
        spent.ShouldBeLessThan(1.5 + last + 1e-6, "one at a time: past the limit by at most the trial that was running");
        trials.Count.ShouldBeLessThan(20, "the budget, not the rounds, ended it");
        budget.GetProperty("trials").GetProperty("spent").GetDouble().ShouldBe(trials.Count);
        budget.GetProperty("wallClockSeconds").GetProperty("limit").GetDouble().ShouldBe(600);
        budget.GetProperty("wallClockSeconds").GetProperty("spent").GetDouble().ShouldBeGreaterThan(0);
        var cost = status.GetProperty("cost");
        (cost.GetProperty("device").GetString(), cost.GetProperty("currency").GetString()).ShouldBe(("cpu", "EUR"));
        cost.GetProperty("estimated").GetDouble().ShouldBe(spent * ControlHostFixture.CpuPricePerHour / 3600, 1e-3);
    }

    [Fact]
    public async Task The_wall_clock_budget_stops_the_search_past_its_limit_by_at_most_the_running_trial()
    {
        // 20 planned trials of 40 epochs, one at a time: far more than 3 s of work, so the clock, not the rounds, ends it.
        string id = await StartAsync(Spec("control-wallclock", epochs: 40,
            """{ "rounds": 10, "candidatesPerRound": 2, "maxParallelTrials": 1, "maxWallClock": "3s" }"""));

        var status = await WaitForStatusAsync(id, "Completed");

        var budget = status.GetProperty("budget");
        output.WriteLine($"budget: {budget}");
        budget.GetProperty("stoppedBy").GetString().ShouldBe("maxWallClock");
        var clock = budget.GetProperty("wallClockSeconds");
        clock.GetProperty("limit").GetDouble().ShouldBe(3);
        double spent = clock.GetProperty("spent").GetDouble();
        spent.ShouldBeGreaterThanOrEqualTo(3);
        var trials = await TrialsAsync(id);
        trials.Count.ShouldBeLessThan(20, "the wall clock, not the rounds, ended it");
        trials.ShouldAllBe(t => t.GetProperty("status").GetString() == "Succeeded", "no trial is cut short: the one running when the clock ran out finishes");
        double longest = trials.Max(t => t.GetProperty("trainSeconds").GetDouble());
        spent.ShouldBeLessThan(3 + longest + 15, "past the limit by the trial that was running, plus the durable round trips that end the search");
    }

    [Fact]
    public async Task The_trial_budget_stops_the_search_at_exactly_its_count()
    {
        string id = await StartAsync(Spec("control-trials", epochs: 1,
            """{ "rounds": 10, "candidatesPerRound": 2, "maxParallelTrials": 2, "maxTrials": 3 }"""));

        var status = await WaitForStatusAsync(id, "Completed");

        var budget = status.GetProperty("budget");
        output.WriteLine($"budget: {budget}");
        budget.GetProperty("stoppedBy").GetString().ShouldBe("maxTrials");
        budget.GetProperty("trials").GetProperty("limit").GetDouble().ShouldBe(3);
        budget.GetProperty("trials").GetProperty("spent").GetDouble().ShouldBe(3);
        (await TrialsAsync(id)).Count.ShouldBe(3);
    }

    private static string Spec(string name, int epochs, string budget) => $$"""
        { "name": "{{name}}", "seed": 5,
          "dataset": { "name": "csv", "path": {{JsonSerializer.Serialize(ControlHostFixture.Iris)}}, "labelColumn": "class" },
          "space": { "kind": "mlp", "inputs": 4, "classes": 3, "minLayers": 1, "maxLayers": 2, "units": [8, 16, 32],
                     "activations": ["relu", "tanh"], "dropout": [0], "batchNorm": [false] },
          "budget": {{budget}},
          "training": { "epochs": {{epochs}}, "batchSize": 8, "learningRate": 0.01, "device": "cpu", "timeout": 600 } }
        """;

    private async Task<string> StartAsync(string spec)
    {
        using var accepted = await fixture.Http.PostAsync("api/searches", new StringContent(spec, Encoding.UTF8, "application/json"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> PostAsync(string path) =>
        fixture.Http.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

    private async Task<List<JsonElement>> TrialsAsync(string id) =>
        JsonDocument.Parse(await fixture.Http.GetStringAsync($"api/searches/{id}/trials")).RootElement.EnumerateArray().Select(t => t.Clone()).ToList();

    private async Task<List<JsonElement>> WaitForTrialsAsync(string id, Func<List<JsonElement>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var trials = await TrialsAsync(id);
            if (trials.Count > 0 && condition(trials))
            {
                return trials;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"trials never got there: {string.Join(", ", trials.Select(t => t.GetProperty("status").GetString()))}");
            await Task.Delay(200);
        }
    }

    private async Task<JsonElement> WaitForStatusAsync(string id, string wanted)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        JsonElement status;
        do
        {
            await Task.Delay(300);
            using var response = await fixture.Http.GetAsync($"api/searches/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        while ((status.GetProperty("status").GetString() != wanted || status.GetProperty("runtimeStatus").GetString() is not ("Completed" or "Failed" or "Terminated"))
            && DateTime.UtcNow < deadline);

        status.GetProperty("status").GetString().ShouldBe(wanted, status.ToString());
        return status;
    }
}

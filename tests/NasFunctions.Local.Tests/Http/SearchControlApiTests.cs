using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Api;
using NasFunctions.Local.Tests.Fuzz;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests.Http;

/// <summary>The shared control handlers against real storage with a scripted engine: refusals, the row's reconciliation, a failed resume undone, the spend and cost.</summary>
[Collection(FuzzCollection.Name)]
public sealed class SearchControlApiTests(FuzzHostFixture fixture)
{
    private ISearchStore Store => fixture.Open.Services.GetRequiredService<ISearchStore>();

    [Theory]
    [InlineData("Failed", null, "Failed", "error")]
    [InlineData("Terminated", null, "Canceled", "canceled")]
    [InlineData("Completed", """{"searchId":"x","status":"Completed","rounds":1,"trialsDone":1,"trialsFailed":0,"stoppedBy":"rounds"}""", "Completed", "rounds")]
    public async Task A_row_left_running_after_its_orchestration_ended_is_corrected_by_GET(string runtime, string? output, string status, string stoppedBy)
    {
        string id = await SeedAsync(SearchStatus.Running);
        var engine = new ScriptedEngine { Snapshot = Snapshot(id, runtime, output, DateTimeOffset.UtcNow.AddMinutes(1)) };

        var response = await Api(engine).GetAsync(id);

        response.Status.ShouldBe(200);
        var row = (await Store.GetSearchAsync(id))!;
        (row.Status, row.StoppedBy).ShouldBe((status, stoppedBy), "the row is written back, so every reader sees the truth");
        JsonDocument.Parse(response.BodyBytes()).RootElement.GetProperty("status").GetString().ShouldBe(status);
    }

    [Fact]
    public async Task A_row_newer_than_its_ended_orchestration_is_left_alone()
    {
        string id = await SeedAsync(SearchStatus.Pending); // a resume just reset it; the old instance has not been replaced yet
        var engine = new ScriptedEngine { Snapshot = Snapshot(id, "Completed", null, DateTimeOffset.UtcNow.AddMinutes(-5)) };

        await Api(engine).GetAsync(id);

        (await Store.GetSearchAsync(id))!.Status.ShouldBe(SearchStatus.Pending);
    }

    [Fact]
    public async Task Cancel_and_resume_refuse_a_search_in_the_wrong_state_with_409_and_an_unknown_one_with_404()
    {
        string completed = await SeedAsync(SearchStatus.Completed);
        string running = await SeedAsync(SearchStatus.Running);
        var engine = new ScriptedEngine { Snapshot = Snapshot(running, "Running", null, DateTimeOffset.UtcNow) };
        var api = Api(engine);

        (await api.CancelAsync(completed, null)).Status.ShouldBe(409);
        (await api.ResumeAsync(completed, "http://127.0.0.1")).Status.ShouldBe(409);
        (await api.ResumeAsync(running, "http://127.0.0.1")).Status.ShouldBe(409);
        (await api.CancelAsync(running, "later")).Status.ShouldBe(400);
        (await api.CancelAsync("s20990101-000000-000000", null)).Status.ShouldBe(404);
        (await api.ResumeAsync("s20990101-000000-000000", "http://127.0.0.1")).Status.ShouldBe(404);
        var problem = await api.CancelAsync(completed, null);
        problem.ContentType.ShouldBe("application/problem+json");
        Encoding.UTF8.GetString(problem.BodyBytes()).ShouldContain("is Completed");
        engine.Events.ShouldBeEmpty("no refused request reaches the engine");
    }

    [Fact]
    public async Task A_terminate_marks_the_row_and_raises_the_cancel_event_with_its_mode()
    {
        string id = await SeedAsync(SearchStatus.Running);
        var engine = new ScriptedEngine { Snapshot = Snapshot(id, "Running", null, DateTimeOffset.UtcNow) };

        var response = await Api(engine).CancelAsync(id, "terminate");

        response.Status.ShouldBe(202);
        engine.Events.ShouldBe([(id, TaskNames.CancelEvent, "terminate")]);
        (await Store.GetSearchAsync(id))!.TerminateRequested.ShouldBe(true);
    }

    [Fact]
    public async Task A_resume_whose_start_fails_leaves_the_row_as_it_was()
    {
        string id = await SeedAsync(SearchStatus.Canceled);
        var engine = new ScriptedEngine { Snapshot = Snapshot(id, "Completed", null, DateTimeOffset.UtcNow), StartFails = true };

        await Should.ThrowAsync<IOException>(() => Api(engine).ResumeAsync(id, "http://127.0.0.1"));

        var row = (await Store.GetSearchAsync(id))!;
        (row.Status, row.Resumes).ShouldBe((SearchStatus.Canceled, 0));
    }

    [Fact]
    public async Task GET_shows_spend_against_each_limit_and_the_cost_from_the_price_table()
    {
        const string Spec = """
            {"name":"spend","space":{"kind":"macro-cnn","minBlocks":1,"maxBlocks":1,"operations":["conv3x3"],"channels":[8],"batchNorm":[false],"skip":[false]},
             "budget":{"rounds":2,"candidatesPerRound":1,"maxWallClock":"30m","maxComputeSeconds":10000},"training":{"device":"cuda"}}
            """;
        string id = await SeedAsync(SearchStatus.Completed, Spec, row => row with { ComputeSeconds = 5400, WallClockSeconds = 90, TrialsDone = 2, StoppedBy = "rounds" });
        var cost = new CostOptions { PricePerHour = new(StringComparer.OrdinalIgnoreCase) { ["cpu"] = 0.2, ["cuda"] = 2.5 }, Currency = "EUR" };
        var api = new SearchApi(new ScriptedEngine(), Store, SearchIdGenerator.System, TimeProvider.System, null, cost);

        var body = JsonDocument.Parse((await api.GetAsync(id)).BodyBytes()).RootElement;

        var budget = body.GetProperty("budget");
        budget.GetProperty("stoppedBy").GetString().ShouldBe("rounds");
        (budget.GetProperty("trials").GetProperty("spent").GetDouble(), budget.GetProperty("trials").GetProperty("limit").GetDouble()).ShouldBe((2, 2));
        (budget.GetProperty("wallClockSeconds").GetProperty("spent").GetDouble(), budget.GetProperty("wallClockSeconds").GetProperty("limit").GetDouble()).ShouldBe((90, 1800));
        (budget.GetProperty("computeSeconds").GetProperty("spent").GetDouble(), budget.GetProperty("computeSeconds").GetProperty("limit").GetDouble()).ShouldBe((5400, 10000));
        var estimate = body.GetProperty("cost");
        (estimate.GetProperty("device").GetString(), estimate.GetProperty("currency").GetString()).ShouldBe(("cuda", "EUR"));
        estimate.GetProperty("pricePerHour").GetDouble().ShouldBe(2.5);
        estimate.GetProperty("estimated").GetDouble().ShouldBe(3.75, "1.5 hours at 2.5");
    }

    private SearchApi Api(ScriptedEngine engine) => new(engine, Store, SearchIdGenerator.System, TimeProvider.System);

    private async Task<string> SeedAsync(string status, string spec = HostileRequests.ValidSpec, Func<SearchRecord, SearchRecord>? change = null)
    {
        string id = SearchIdGenerator.System.Next();
        var now = DateTimeOffset.UtcNow;
        await Store.PutSpecAsync(id, spec);
        var row = new SearchRecord
        {
            SearchId = id, Name = "control", Status = status, Strategy = "random", SpaceKind = "macro-cnn", Dataset = "fashion-mnist",
            CreatedAt = now, UpdatedAt = now,
        };
        await Store.UpsertSearchAsync(change?.Invoke(row) ?? row);
        return id;
    }

    private static OrchestrationSnapshot Snapshot(string id, string runtime, string? output, DateTimeOffset updated) =>
        new(id, runtime, null, output, runtime == "Failed" ? "boom" : null, updated, updated);

    /// <summary>An engine that reports a given snapshot, records raised events and can fail its starts.</summary>
    private sealed class ScriptedEngine : IOrchestrationClient
    {
        public OrchestrationSnapshot? Snapshot { get; init; }

        public bool StartFails { get; init; }

        public List<(string Id, string Event, object? Payload)> Events { get; } = [];

        public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) =>
            StartFails ? throw new IOException("the engine is down") : Task.CompletedTask;

        public Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Snapshot?.InstanceId == instanceId ? Snapshot : null);

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
        {
            Events.Add((instanceId, eventName, payload));
            return Task.CompletedTask;
        }

        public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

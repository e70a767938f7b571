using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace NasFunctions.Local.Tests.Fuzz;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection : ICollectionFixture<FuzzHostFixture>
{
    public const string Name = "local host fuzz";
}

/// <summary>Hundreds of malformed or hostile requests against a real local host: each a short 4xx problem, none leaves anything behind.</summary>
[Collection(FuzzCollection.Name)]
public sealed class HostileRequestTests(FuzzHostFixture fixture, ITestOutputHelper output)
{
    private const int MaxDetail = 300;

    [Fact]
    public async Task Every_hostile_request_gets_a_short_4xx_problem_and_leaves_nothing_behind()
    {
        var before = await fixture.SnapshotAsync();
        int port = new Uri(fixture.Open.BaseUrl).Port;
        var requests = HostileRequests.All(fixture.Root, fixture.Outside, port).ToList();
        string[] secrets =
        [
            FuzzHostFixture.SecretMarker, "root:x:0:0", AppContext.BaseDirectory.TrimEnd('/'), fixture.Outside, fixture.Root,
            "/usr/share/datasets", "node_modules", "   at ", ".cs:line", "Exception",
        ];
        using var open = fixture.Open.CreateClient(TimeSpan.FromSeconds(30));
        using var keyed = new HttpClient { BaseAddress = new Uri(fixture.Keyed.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        foreach (var hostile in requests)
        {
            using var request = hostile.Build();
            string? problem;
            try
            {
                using var response = await (hostile.ToKeyedHost ? keyed : open).SendAsync(request);
                int status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                string body = await response.Content.ReadAsStringAsync();
                problem = Check(status, response.Content.Headers.ContentType?.MediaType, body, secrets);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                problem = $"no response: {exception.GetType().Name}: {exception.Message}";
            }

            if (problem is not null)
            {
                failures.Add($"{hostile}: {problem}");
            }
        }

        var after = await fixture.SnapshotAsync();
        output.WriteLine($"{requests.Count} hostile requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: " +
            string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        output.WriteLine($"groups: {string.Join(", ", requests.GroupBy(r => r.Group).Select(g => $"{g.Key} {g.Count()}"))}");
        requests.Count.ShouldBeGreaterThanOrEqualTo(300);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(40)));
        statuses.Keys.ShouldAllBe(s => s >= 400 && s < 500);
        after.Searches.ShouldBe(before.Searches, "no Searches row was created");
        after.Blobs.ShouldBe(before.Blobs, "no blob was written");
        after.Instances.ShouldBe(before.Instances, "no orchestration was started");
    }

    [Fact]
    public async Task The_valid_spec_behind_the_refusals_is_accepted_when_sent_properly()
    {
        // The refusals above protect something: the same spec, sent as the CLI sends it, with the key, starts a search.
        using var keyed = fixture.Keyed.CreateClient(TimeSpan.FromSeconds(30));
        using var response = await keyed.GetAsync("api/searches");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var open = fixture.Open.CreateClient(TimeSpan.FromSeconds(30));
        using var list = await open.GetAsync("api/searches");
        list.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var limits = fixture.Open.Services.GetService(typeof(NasFunctions.Orchestration.Spec.SpecLimits)) as NasFunctions.Orchestration.Spec.SpecLimits;
        NasFunctions.Orchestration.Spec.SearchSpecReader.Read(HostileRequests.ValidSpec, limits!).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_line_kestrel_cannot_parse_gets_its_bare_400_which_carries_nothing()
    {
        // Kestrel answers these itself (no application code, so no problem+json), with an empty body: nothing to leak.
        using var open = fixture.Open.CreateClient(TimeSpan.FromSeconds(30));
        foreach (var path in HostileRequests.UnparsablePaths())
        {
            using var response = await open.GetAsync(path);

            ((int)response.StatusCode).ShouldBe(400, path);
            (await response.Content.ReadAsStringAsync()).ShouldBeEmpty(path);
        }
    }

    private static string? Check(int status, string? mediaType, string body, string[] secrets)
    {
        if (status is < 400 or >= 500)
        {
            return $"status {status}: {Cut(body)}";
        }

        if (mediaType != "application/problem+json")
        {
            return $"status {status} with content type '{mediaType}': {Cut(body)}";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"status {status}, body is not JSON: {Cut(body)}";
        }

        if (!problem.TryGetProperty("status", out var echoed) || echoed.GetInt32() != status)
        {
            return $"status {status} but the problem says {echoed}";
        }

        string detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (detail.Length is 0 or >= MaxDetail)
        {
            return $"detail of {detail.Length} characters";
        }

        return secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leak
            ? $"body holds '{leak}': {Cut(body)}"
            : null;
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "..." : text;
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Api;
using NasFunctions.Local.Tests.Fuzz;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests.Http;

/// <summary>The shared handler writes only a fully valid spec, and undoes its writes when a later step fails (real Azurite).</summary>
[Collection(FuzzCollection.Name)]
public sealed class SearchApiWriteTests(FuzzHostFixture fixture)
{
    [Fact]
    public async Task A_start_that_fails_after_the_writes_leaves_no_row_and_no_blob()
    {
        var store = fixture.Open.Services.GetRequiredService<ISearchStore>();
        var before = await fixture.SnapshotAsync();
        var api = new SearchApi(new FailingStarts(), store, SearchIdGenerator.System, TimeProvider.System);

        await Should.ThrowAsync<IOException>(() => api.CreateAsync(HostileRequests.ValidSpec, "http://127.0.0.1"));

        var after = await fixture.SnapshotAsync();
        after.Searches.ShouldBe(before.Searches);
        after.Blobs.ShouldBe(before.Blobs);
    }

    [Fact]
    public async Task A_spec_over_the_limit_is_a_413_from_the_handler_itself_as_the_functions_app_uses_it()
    {
        var store = fixture.Open.Services.GetRequiredService<ISearchStore>();
        var api = new SearchApi(new FailingStarts(), store, SearchIdGenerator.System, TimeProvider.System, new SpecLimits { MaxSpecBytes = 100 });
        string body = HostileRequests.ValidSpec.PadRight(101);
        string multiByte = "{\"name\":\"" + string.Concat(Enumerable.Repeat("é", 46)) + "\"}"; // 98 characters, 144 bytes

        var large = await api.CreateAsync(body, "http://127.0.0.1");
        var wide = await api.CreateAsync(multiByte, "http://127.0.0.1");

        large.Status.ShouldBe(413);
        large.ContentType.ShouldBe("application/problem+json");
        Encoding.UTF8.GetString(large.BodyBytes()).ShouldContain("at most 100 bytes");
        wide.Status.ShouldBe(413);
    }

    /// <summary>An engine whose starts fail, as a storage outage would make them.</summary>
    private sealed class FailingStarts : IOrchestrationClient
    {
        public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) =>
            throw new IOException("the engine is down");

        public Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult<OrchestrationSnapshot?>(null);

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

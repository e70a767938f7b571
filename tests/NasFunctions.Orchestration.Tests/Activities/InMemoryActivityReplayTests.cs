using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>The replay tests on the in-memory store.</summary>
public sealed class InMemoryActivityReplayTests : ActivityReplayTests
{
    private readonly InMemorySearchStore _store = new();

    protected override ISearchStore CreateStore() => _store;

    protected override Task<string> SnapshotAsync() => Task.FromResult(_store.Snapshot());
}

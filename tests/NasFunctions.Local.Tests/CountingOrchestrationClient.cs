using NasFunctions.Api;

namespace NasFunctions.Local.Tests;

/// <summary>Passes every call to the real engine client and counts the starts, so a test can prove none happened.</summary>
public sealed class CountingOrchestrationClient(IOrchestrationClient inner) : IOrchestrationClient
{
    private int _starts;

    public int Starts => _starts;

    public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _starts);
        return inner.StartAsync(orchestratorName, instanceId, input, cancellationToken);
    }

    public Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(instanceId, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        inner.TerminateAsync(instanceId, reason, cancellationToken);
}

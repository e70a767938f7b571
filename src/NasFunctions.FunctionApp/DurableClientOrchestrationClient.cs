using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NasFunctions.Api;

namespace NasFunctions.FunctionApp;

/// <summary>The HTTP handlers' port to the durable engine, over the Durable SDK's <see cref="DurableTaskClient"/> (Functions side).</summary>
public sealed class DurableClientOrchestrationClient(DurableTaskClient client) : IOrchestrationClient
{
    /// <inheritdoc />
    public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(orchestratorName), input, new StartOrchestrationOptions(instanceId), cancellationToken);

    /// <inheritdoc />
    public async Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null
            ? null
            : new OrchestrationSnapshot(
                instanceId,
                metadata.RuntimeStatus.ToString(),
                metadata.SerializedCustomStatus,
                metadata.SerializedOutput,
                metadata.FailureDetails?.ErrorMessage,
                metadata.CreatedAt,
                metadata.LastUpdatedAt);
    }

    /// <inheritdoc />
    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    /// <inheritdoc />
    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(instanceId, reason, cancellationToken);
}

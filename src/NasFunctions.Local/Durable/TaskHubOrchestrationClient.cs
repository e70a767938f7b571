using DurableTask.Core;
using NasFunctions.Api;

namespace NasFunctions.Local.Durable;

/// <summary>The HTTP handlers' port to the durable engine, over DTFx's <see cref="TaskHubClient"/> (local host side).</summary>
public sealed class TaskHubOrchestrationClient(TaskHubClient client) : IOrchestrationClient
{
    /// <inheritdoc />
    public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) =>
        client.CreateOrchestrationInstanceAsync(orchestratorName, string.Empty, instanceId, input);

    /// <inheritdoc />
    public async Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await client.GetOrchestrationStateAsync(instanceId);
        if (state is null)
        {
            return null;
        }

        bool failed = state.OrchestrationStatus == OrchestrationStatus.Failed;
        return new OrchestrationSnapshot(
            instanceId,
            state.OrchestrationStatus.ToString(),
            state.Status,
            failed ? null : state.Output,
            failed ? state.FailureDetails?.ErrorMessage ?? state.Output : null,
            new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)));
    }

    /// <inheritdoc />
    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload!);

    /// <inheritdoc />
    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
}

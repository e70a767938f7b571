using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace NasFunctions.FunctionApp.Tests;

/// <summary>A durable client that records the orchestrations it is asked to start (the Functions host's client needs the host).</summary>
internal sealed class RecordingDurableClient() : DurableTaskClient("recording")
{
    public List<(TaskName Name, string InstanceId, object? Input)> Started { get; } = [];

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        string id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        Started.Add((orchestratorName, id, input));
        return Task.FromResult(id);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult<OrchestrationMetadata?>(null);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

namespace NasFunctions.Api;

/// <summary>The one small port through which the HTTP handlers reach the durable engine (Functions or the local host).</summary>
public interface IOrchestrationClient
{
    /// <summary>Starts an orchestration instance with the given id and input.</summary>
    Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default);

    /// <summary>Reads an instance's status; null when no such instance exists.</summary>
    Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Raises an external event on a running instance.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default);

    /// <summary>Terminates a running instance.</summary>
    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default);
}

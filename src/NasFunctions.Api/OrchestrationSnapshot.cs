namespace NasFunctions.Api;

/// <summary>An orchestration instance's status as either engine reports it.</summary>
/// <param name="InstanceId">The instance id (the search id).</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated, ContinuedAsNew or Suspended.</param>
/// <param name="CustomStatusJson">The custom status as JSON text, if set.</param>
/// <param name="OutputJson">The output as JSON text, once completed.</param>
/// <param name="FailureMessage">Why it failed, when it did.</param>
/// <param name="CreatedAt">When the current execution was created.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
public sealed record OrchestrationSnapshot(
    string InstanceId,
    string RuntimeStatus,
    string? CustomStatusJson,
    string? OutputJson,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt);

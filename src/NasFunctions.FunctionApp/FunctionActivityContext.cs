using Microsoft.DurableTask;

namespace NasFunctions.FunctionApp;

/// <summary>The activity context handed to the library's activities when Functions, not the SDK worker, invokes them.</summary>
public sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = new(name);

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}

using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace NasFunctions.Local.Durable;

/// <summary>Registers an SDK orchestrator with a DTFx worker, under its task name and the empty version.</summary>
public sealed class OrchestratorCreator : ObjectCreator<TaskOrchestration>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly Func<ITaskOrchestrator> _create;

    /// <summary>Creates a registration that builds a fresh orchestrator for every execution.</summary>
    public OrchestratorCreator(string name, DurableTaskShimFactory shims, Func<ITaskOrchestrator> create)
    {
        Name = name;
        Version = string.Empty;
        _shims = shims;
        _create = create;
    }

    /// <inheritdoc />
    public override TaskOrchestration Create() => _shims.CreateOrchestration(new TaskName(Name), _create(), parent: null);
}

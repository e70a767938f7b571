using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace NasFunctions.Local.Durable;

/// <summary>Registers an SDK activity with a DTFx worker, under its task name and the empty version.</summary>
public sealed class ActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly Func<ITaskActivity> _create;

    /// <summary>Creates a registration that builds the activity (from DI) for every work item.</summary>
    public ActivityCreator(string name, DurableTaskShimFactory shims, Func<ITaskActivity> create)
    {
        Name = name;
        Version = string.Empty;
        _shims = shims;
        _create = create;
    }

    /// <inheritdoc />
    public override TaskActivity Create() => _shims.CreateActivity(new TaskName(Name), _create());
}

using Microsoft.Extensions.Hosting;
using NasFunctions.Orchestration.Activities;

namespace NasFunctions.FunctionApp;

/// <summary>Stops the worker's trainings at their next batch when the worker shuts down (scale-in, deployment), so none is inside native code as the process ends.</summary>
internal sealed class TrainingStop(TrainingShutdown shutdown) : IHostedService
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => shutdown.StopAsync(Wait).WaitAsync(cancellationToken);
}

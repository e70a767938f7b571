using Microsoft.Extensions.Hosting;
using NasFunctions.Storage;

namespace NasFunctions.FunctionApp;

/// <summary>Creates the search store's container and tables once per process, before any hosted service (the worker's link to the Functions host among them) starts.</summary>
/// <remarks>The same <see cref="ISearchStore.EnsureCreatedAsync"/> the local host calls before it serves; a fresh storage account needs it.</remarks>
public sealed class StoragePreparation(ISearchStore store) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

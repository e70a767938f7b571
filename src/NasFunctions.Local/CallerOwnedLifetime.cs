using Microsoft.Extensions.Hosting;

namespace NasFunctions.Local;

/// <summary>A host lifetime that leaves signals to the caller: the CLI command that started the host also stops it.</summary>
public sealed class CallerOwnedLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

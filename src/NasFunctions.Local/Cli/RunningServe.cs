namespace NasFunctions.Local.Cli;

/// <summary>Finds the <c>nas serve</c> that owns this machine's data folder, so other commands talk to it over HTTP.</summary>
public static class RunningServe
{
    private static readonly TimeSpan _startingWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The address of the host that holds the CLI's data folder, waiting while it starts; null when none holds it, or when
    /// <c>NAS_STORAGE</c> points the CLI at other storage.
    /// </summary>
    public static async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        if (new LocalHostOptions().ConnectionString is not null)
        {
            return null;
        }

        var deadline = DateTime.UtcNow + _startingWait;
        while (true)
        {
            var owner = DataFolderLock.CurrentOwner(NasHome.AzuriteLocation);
            if (owner?.BaseUrl is { } url || owner is null)
            {
                return owner?.BaseUrl;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"Another nas host (pid {owner.ProcessId}) holds '{NasHome.AzuriteLocation}' but has not said where it listens.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}

using NasFunctions.Storage.Emulator;

namespace NasFunctions.Local;

/// <summary>
/// The storage a local host uses: a connection string it was given, or the Azurite it runs itself, with (for a data folder)
/// the folder's lock and the journal of accepted searches.
/// </summary>
internal sealed class OwnedStorage : IAsyncDisposable
{
    /// <summary>The folder inside the data folder where accepted specs wait until storage has them on disk.</summary>
    public const string JournalFolderName = "nas-accepted";

    private OwnedStorage(string connectionString, DataFolderLock? folderLock, AzuriteSupervisor? azurite, AcceptedSearchJournal? journal)
    {
        ConnectionString = connectionString;
        Lock = folderLock;
        Azurite = azurite;
        Journal = journal;
    }

    /// <summary>The storage account's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The data folder's lock, when this host owns one.</summary>
    public DataFolderLock? Lock { get; }

    /// <summary>The Azurite this host runs, when it runs one.</summary>
    public AzuriteSupervisor? Azurite { get; }

    /// <summary>The journal of accepted searches, when Azurite keeps its data in a folder.</summary>
    public AcceptedSearchJournal? Journal { get; }

    /// <summary>Takes the data folder (refusing when another host has it) and starts Azurite on it, or uses the given account.</summary>
    public static async Task<OwnedStorage> OpenAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        if (options.ConnectionString is { } connectionString)
        {
            return new OwnedStorage(connectionString, null, null, null);
        }

        var location = options.AzuriteLocation;
        var folderLock = location is null ? null : DataFolderLock.Acquire(location);
        try
        {
            var azurite = await AzuriteSupervisor.StartAsync(
                new AzuriteOptions { Location = location },
                message => Console.Error.WriteLine($"nas: {message}"),
                cancellationToken: cancellationToken);
            var journal = location is null ? null : new AcceptedSearchJournal(Path.Combine(location, JournalFolderName));
            return new OwnedStorage(azurite.ConnectionString, folderLock, azurite, journal);
        }
        catch
        {
            folderLock?.Dispose();
            throw;
        }
    }

    /// <summary>Stops Azurite (SIGTERM, so it saves), if this host runs one; storage calls fail from then on.</summary>
    public async ValueTask StopAzuriteAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }

    /// <summary>Stops Azurite (if not yet), then lets go of the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAzuriteAsync();
        Lock?.Dispose();
    }
}

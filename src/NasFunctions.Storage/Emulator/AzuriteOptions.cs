namespace NasFunctions.Storage.Emulator;

/// <summary>How to start a private Azurite: where it keeps data, which executable, and how long to wait.</summary>
public sealed class AzuriteOptions
{
    /// <summary>Environment variable that may name the Azurite executable (overrides the node_modules search).</summary>
    public const string ExecutableVariable = "NAS_AZURITE";

    /// <summary>Folder for Azurite's data (<c>--location</c>); null (default) keeps everything in memory (<c>--inMemoryPersistence</c>).</summary>
    public string? Location { get; set; }

    /// <summary>
    /// The Azurite executable. Null (default): <c>NAS_AZURITE</c> when set, else <c>node_modules/.bin/azurite</c> found by walking
    /// up from the current directory and from the application's base directory.
    /// </summary>
    public string? ExecutablePath { get; set; }

    /// <summary>
    /// Whether Azurite accepts any API version (<c>--skipApiVersionCheck</c>). Default true, so newer SDKs work; false makes it
    /// as strict as a user's own Azurite started without the flag.
    /// </summary>
    public bool SkipApiVersionCheck { get; set; } = true;

    /// <summary>How long to wait for the blob, queue and table ports to accept connections. Default 30 s.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after SIGTERM before killing the process tree. Default 5 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a persisted Azurite writes its metadata to <see cref="Location"/> when something changed (Azurite's own is
    /// 5 s): a kill of Azurite itself loses at most the writes of the last interval. Default 200 ms; zero keeps Azurite's own.
    /// Applies when Azurite is started through node (the usual npm install).
    /// </summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long to wait for an earlier Azurite on the same <see cref="Location"/> to save and exit. Default 15 s.</summary>
    public TimeSpan PreviousInstanceTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws an <see cref="ArgumentException"/> when a setting is unusable.</summary>
    public void Validate()
    {
        if (Location is not null && string.IsNullOrWhiteSpace(Location))
        {
            throw new ArgumentException($"{nameof(Location)} is blank; use null for in-memory persistence.");
        }

        if (StartupTimeout <= TimeSpan.Zero || ShutdownTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(StartupTimeout)} must be positive and {nameof(ShutdownTimeout)} not negative.");
        }

        if (SaveInterval < TimeSpan.Zero || PreviousInstanceTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(SaveInterval)} and {nameof(PreviousInstanceTimeout)} must not be negative.");
        }
    }
}

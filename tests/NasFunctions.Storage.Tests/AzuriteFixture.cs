using NasFunctions.Storage.Emulator;

namespace NasFunctions.Storage.Tests;

/// <summary>One in-memory Azurite for the collection, and a store on it with its container and tables created.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private AzureSearchStore? _store;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    public AzureSearchStore Store => _store ?? throw new InvalidOperationException("Not started.");

    public StorageOptions Options => new() { ConnectionString = Azurite.ConnectionString };

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _store = new AzureSearchStore(Options);
        await _store.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

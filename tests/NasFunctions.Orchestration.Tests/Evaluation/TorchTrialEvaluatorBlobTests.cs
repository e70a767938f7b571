using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Storage.Emulator;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Tests.Evaluation;

/// <summary>A search's <c>blob:</c> data set is read from the account's data-set container (a real Azurite) and trained on.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchTrialEvaluatorBlobTests : IAsyncLifetime
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "nas-blob-evaluator-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteProcess? _azurite;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task An_mlp_trains_on_the_wine_table_read_from_blob_storage_through_the_specs_blob_path()
    {
        var storage = new StorageOptions { ConnectionString = _azurite!.ConnectionString };
        var container = new BlobServiceClient(storage.ConnectionString, StorageClientOptions.ForBlobs()).GetBlobContainerClient(storage.DatasetsContainer);
        await container.CreateIfNotExistsAsync();
        var wine = await File.ReadAllBytesAsync(RepositoryFiles.Find(".nas/data/tabular/wine.csv"));
        await container.GetBlobClient("tables/wine.csv").UploadAsync(BinaryData.FromBytes(wine));
        var read = SearchSpecReader.Read("""
            { "space": { "kind": "mlp", "inputs": 1, "classes": 2, "maxLayers": 2, "units": [16] },
              "dataset": { "name": "csv", "path": "blob:tables/wine.csv", "labelColumn": "class" },
              "training": { "epochs": 10, "batchSize": 16, "learningRate": 0.003 } }
            """);
        read.Errors.ShouldBeEmpty();
        var spec = read.Spec!;
        var host = new EvaluatorHostOptions { TrainingSlots = 1, ThreadsPerTraining = 1, DatasetCacheFolder = _cache };
        await using var services = new ServiceCollection().AddNasSearch(storage, host).BuildServiceProvider();
        var evaluator = services.GetRequiredService<ITrialEvaluator>();

        var evaluation = evaluator.Evaluate(
            spec, NasFunctions.SearchSpace.DecisionSampler.Sample(spec.Space, new Random(1)), new Fidelity(10, 1), 1,
            TrialCheckpointing.None, CancellationToken.None);

        evaluation.ValidationAccuracy.ShouldBeGreaterThan(0.8); // three classes, the commonest about 0.4
        var downloaded = Directory.GetFiles(_cache, "*.csv", SearchOption.AllDirectories).ShouldHaveSingleItem();
        (await File.ReadAllBytesAsync(downloaded)).ShouldBe(wine);
    }
}

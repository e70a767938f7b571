using NasFunctions.Orchestration;

namespace NasFunctions.Local.Tests.Control;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ControlHostCollection : ICollectionFixture<ControlHostFixture>
{
    public const string Name = "local host control";
}

/// <summary>A local host (its own Azurite, DTFx on it, the HTTP API, TorchSharp) with a price table whose cpu hour costs 3,600, so a cost reads as seconds.</summary>
public sealed class ControlHostFixture : IAsyncLifetime
{
    /// <summary>The cpu price per hour of this host: an estimate equals the training seconds.</summary>
    public const double CpuPricePerHour = 3600;

    public LocalHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The repository's iris table.</summary>
    public static string Iris { get; } = FindIris();

    public async Task InitializeAsync()
    {
        var options = new LocalHostOptions
        {
            Port = 0,
            Cost = new CostOptions { PricePerHour = new(StringComparer.OrdinalIgnoreCase) { ["cpu"] = CpuPricePerHour, ["cuda"] = 7200 }, Currency = "EUR" },
        };
        options.Durable.WorkerId = "control-tests";
        options.Evaluator.ThreadsPerTraining = 1;
        options.Evaluator.StopCheckInterval = TimeSpan.FromMilliseconds(500);
        options.Evaluator.DataRoots = [Path.GetDirectoryName(Path.GetDirectoryName(Iris))!]; // the repository's data folder, wherever the test runs
        Host = await LocalHost.StartAsync(options);
        Http = Host.CreateClient(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static string FindIris()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NasFunctions.sln")))
            {
                return Path.Combine(folder.FullName, ".nas", "data", "tabular", "iris.csv");
            }
        }

        throw new DirectoryNotFoundException("No NasFunctions.sln above the test's folder.");
    }
}

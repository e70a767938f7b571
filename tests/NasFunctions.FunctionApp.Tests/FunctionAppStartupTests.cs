using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasFunctions.Api;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;
using NasFunctions.Storage.Emulator;

namespace NasFunctions.FunctionApp.Tests;

/// <summary>The Functions app's own startup and registration on a fresh Azurite: storage prepared before anything serves, a search accepted.</summary>
public sealed class FunctionAppStartupTests
{
    [Fact]
    public async Task Startup_creates_the_container_and_tables_before_other_services_start_and_a_search_is_accepted()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var blobs = StorageConnection.FromConnectionString(azurite.ConnectionString).CreateBlobServiceClient();
        var tables = StorageConnection.FromConnectionString(azurite.ConnectionString).CreateTableServiceClient();
        (await blobs.GetBlobContainerClient(StorageOptions.DefaultContainer).ExistsAsync()).Value.ShouldBeFalse();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["NasStorage"] = azurite.ConnectionString });
        // Registered before the app's services, as the worker's link to the Functions host is: it must find storage ready.
        var probe = new StorageProbe(blobs, tables);
        builder.Services.AddHostedService(_ => probe);
        builder.Services.AddNasFunctionApp(builder.Configuration, FunctionAppSetup.HostJsonPath);
        using var host = builder.Build();
        await host.StartAsync();

        probe.SawContainerAndTables.ShouldBe((true, true, true));
        var durable = new RecordingDurableClient();
        var functions = ActivatorUtilities.CreateInstance<SearchHttpFunctions>(host.Services);
        var http = Request("""{ "name": "fresh-account", "budget": { "rounds": 1, "candidatesPerRound": 2 } }""");

        await functions.CreateSearch(http.Request, durable);

        http.Response.StatusCode.ShouldBe(202);
        var started = durable.Started.ShouldHaveSingleItem();
        started.Name.Name.ShouldBe(TaskNames.SearchOrchestrator);
        var row = await host.Services.GetRequiredService<ISearchStore>().GetSearchAsync(started.InstanceId);
        row.ShouldNotBeNull().Name.ShouldBe("fresh-account");
        (await host.Services.GetRequiredService<ISearchStore>().GetSpecAsync(started.InstanceId)).ShouldNotBeNull();
        await host.StopAsync();
    }

    [Fact]
    public void Training_slots_follow_the_hosts_activity_concurrency_unless_set()
    {
        var services = new ServiceCollection();
        services.AddNasFunctionApp(Configuration(new() { ["NasStorage"] = "UseDevelopmentStorage=true" }), FunctionAppSetup.HostJsonPath);
        var overridden = new ServiceCollection();
        overridden.AddNasFunctionApp(
            Configuration(new()
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                [ActivityConcurrency.OverrideKey] = "3",
            }),
            FunctionAppSetup.HostJsonPath);
        var set = new ServiceCollection();
        set.AddNasFunctionApp(
            Configuration(new()
            {
                ["NasStorage"] = "UseDevelopmentStorage=true",
                [ActivityConcurrency.OverrideKey] = "3",
                ["Nas:Evaluator:TrainingSlots"] = "4",
            }),
            FunctionAppSetup.HostJsonPath);

        Slots(services).ShouldBe(ActivityConcurrency.Read(new ConfigurationBuilder().Build(), FunctionAppSetup.HostJsonPath));
        Slots(services).ShouldBe(1, "host.json runs one training per instance");
        Slots(overridden).ShouldBe(3);
        Slots(set).ShouldBe(4);
    }

    [Fact]
    public void Logging_is_quiet_for_the_azure_sdk_and_durable_task_and_informative_for_the_app()
    {
        var services = new ServiceCollection();
        services.AddNasFunctionApp(Configuration(new() { ["NasStorage"] = "UseDevelopmentStorage=true" }), FunctionAppSetup.HostJsonPath);
        services.AddLogging(logging => logging.AddProvider(new EverythingProvider()));
        using var provider = services.BuildServiceProvider();
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger("Azure.Storage.Blobs").IsEnabled(LogLevel.Warning).ShouldBeTrue();
        loggers.CreateLogger("DurableTask.AzureStorage").IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger("Microsoft.DurableTask.Worker").IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger("NasFunctions.Orchestration.Activities.TrainCandidateActivity").IsEnabled(LogLevel.Information).ShouldBeTrue();
    }

    [Fact]
    public void Without_a_storage_connection_startup_says_which_settings_to_set()
    {
        var error = Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddNasFunctionApp(Configuration(new()), FunctionAppSetup.HostJsonPath));

        error.Message.ShouldContain("NasStorage");
        error.Message.ShouldContain("AzureWebJobsStorage");
    }

    private static int Slots(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<EvaluatorHostOptions>().TrainingSlots;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static DefaultHttpContext Request(string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("nas.example");
        http.Request.Path = "/api/searches";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Response.Body = new MemoryStream();
        return http;
    }

    /// <summary>A log sink that would take every level: what reaches it is what the app's filters let through.</summary>
    private sealed class EverythingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Everything();

        public void Dispose()
        {
        }

        private sealed class Everything : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }

    /// <summary>Looks at the storage when it starts, as the first service after the app's preparation would.</summary>
    private sealed class StorageProbe(Azure.Storage.Blobs.BlobServiceClient blobs, TableServiceClient tables) : IHostedService
    {
        public (bool Container, bool Searches, bool Trials) SawContainerAndTables { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var names = new List<string>();
            await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
            {
                names.Add(table.Name);
            }

            SawContainerAndTables = (
                (await blobs.GetBlobContainerClient(StorageOptions.DefaultContainer).ExistsAsync(cancellationToken)).Value,
                names.Contains(StorageOptions.DefaultSearchesTable),
                names.Contains(StorageOptions.DefaultTrialsTable));
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasFunctions.Api;
using NasFunctions.Local.Durable;
using NasFunctions.Local.Http;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Storage.Emulator;

namespace NasFunctions.Local;

/// <summary>The whole product on one machine: storage (Azurite unless told otherwise), the durable engine and the HTTP API.</summary>
public sealed class LocalHost : IAsyncDisposable
{
    private static readonly TimeSpan _httpStopTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _workerStopTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan _trainingStopTimeout = TimeSpan.FromSeconds(3);

    private readonly WebApplication _app;
    private readonly LocalDurableEngine _engine;
    private readonly OwnedStorage _storage;
    private readonly string? _apiKey;

    private LocalHost(WebApplication app, LocalDurableEngine engine, OwnedStorage storage, string baseUrl, string? apiKey)
    {
        _apiKey = apiKey;
        _app = app;
        _engine = engine;
        _storage = storage;
        BaseUrl = baseUrl;
        ConnectionString = storage.ConnectionString;
    }

    /// <summary>Where the HTTP API listens, for example <c>http://127.0.0.1:7071</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The storage account this host uses.</summary>
    public string ConnectionString { get; }

    /// <summary>The host's services (storage, handlers).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The process id of the Azurite this host runs now (it changes when Azurite is restarted); null on other storage.</summary>
    public int? AzuriteProcessId => _storage.Azurite?.ProcessId;

    /// <summary>Completes, with the reason, when the host's storage died for good; the host should then stop.</summary>
    public Task<string> Failed => _storage.Azurite?.Failed ?? new TaskCompletionSource<string>().Task;

    /// <summary>Starts storage, the durable engine and the HTTP API; <paramref name="configure"/> may replace services.</summary>
    public static async Task<LocalHost> StartAsync(
        LocalHostOptions options, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var limits = SpecLimits.For(options.Evaluator);
        var started = TimeProvider.System.GetTimestamp();
        var storage = await OwnedStorage.OpenAsync(options, cancellationToken);
        var storageReady = TimeProvider.System.GetElapsedTime(started);
        string connectionString = storage.ConnectionString;
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss.fff ")).SetMinimumLevel(options.LogLevel);
            builder.Logging.AddFilter("DurableTask", options.LogLevel >= LogLevel.Warning ? LogLevel.Error : LogLevel.Warning);
            var bind = IPAddress.Parse(options.BindAddress);
            builder.WebHost.UseUrls($"http://{(bind.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind.ToString())}:{options.Port}");
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxSpecBytes);
            builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
            builder.Services.AddSingleton(limits);
            builder.Services.AddSingleton(options.Cost ?? HostSettings.ReadCost(builder.Configuration));
            builder.Services.AddNasSearch(new StorageOptions { ConnectionString = connectionString }, options.Evaluator);
            builder.Services.AddSingleton(SearchIdGenerator.System);
            builder.Services.AddSingleton<EngineSlot>();
            builder.Services.AddSingleton<IOrchestrationClient>(sp => new TaskHubOrchestrationClient(sp.GetRequiredService<EngineSlot>().Engine.Client));
            builder.Services.AddSingleton<SearchApi>();
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SearchAdmission>(
                sp, storage.Journal is { } journal ? [journal] : []));
            configure?.Invoke(builder.Services);
            var app = builder.Build();
            app.UseProblemPipeline(new RequestGate(options.ApiKey, options.IsLoopback, limits.MaxSpecBytes), limits.MaxSpecBytes);
            app.MapSearchApi();

            await app.Services.GetRequiredService<ISearchStore>().EnsureCreatedAsync(cancellationToken);
            var appReady = TimeProvider.System.GetElapsedTime(started);
            var engine = await LocalDurableEngine.StartAsync(connectionString, options.Durable, app.Services, options.RunWorker);
            app.Services.GetRequiredService<EngineSlot>().Engine = engine;
            if (options.RunWorker)
            {
                await app.Services.GetRequiredService<SearchAdmission>().RecoverAsync(cancellationToken);
            }

            await app.StartAsync(cancellationToken);
            string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            storage.Lock?.Publish(baseUrl);
            app.Services.GetRequiredService<ILogger<LocalHost>>().LogInformation(
                "Started in {Total:0.0} s: storage {Storage:0.0} s, services and tables {App:0.0} s, durable engine and HTTP {Engine:0.0} s.",
                TimeProvider.System.GetElapsedTime(started).TotalSeconds, storageReady.TotalSeconds, (appReady - storageReady).TotalSeconds,
                (TimeProvider.System.GetElapsedTime(started) - appReady).TotalSeconds);
            return new LocalHost(app, engine, storage, baseUrl, options.ApiKey);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for this host's API: its base address and, when the host has one, its API key.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null) => ApiClient.Create(BaseUrl, _apiKey, timeout);

    /// <summary>
    /// Stops in bounded time, even while trials train: every training at its next batch (<see cref="TrainingShutdown"/>:
    /// its attempt is left unfinished and resumes from its checkpoint at the next start) beside the HTTP API, then the
    /// worker, then Azurite (which saves), so an abandoned training can write
    /// nothing more; only then the services it uses, and last the data folder's lock.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var trainings = _app.Services.GetRequiredService<TrainingShutdown>().StopAsync(_trainingStopTimeout);
        await Bounded(_app.StopAsync(), _httpStopTimeout);
        if (!await trainings)
        {
            _app.Services.GetRequiredService<ILogger<LocalHost>>().LogWarning(
                "A training did not reach its next batch within {Seconds} s of the stop; the process ends under it.", _trainingStopTimeout.TotalSeconds);
        }

        await Bounded(_engine.DisposeAsync().AsTask(), _workerStopTimeout);
        await _storage.StopAzuriteAsync();
        await Bounded(_app.DisposeAsync().AsTask(), _httpStopTimeout);
        await _storage.DisposeAsync();
    }

    private static async Task Bounded(Task stopping, TimeSpan timeout)
    {
        try
        {
            await stopping.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Left behind: the process is about to end, and the durable backend redelivers what this one did not finish.
        }
    }

    /// <summary>Holds the engine, which starts after the service provider is built.</summary>
    private sealed class EngineSlot
    {
        public LocalDurableEngine Engine { get; set; } = null!;
    }
}

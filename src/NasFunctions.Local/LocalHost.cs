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
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Storage.Emulator;

namespace NasFunctions.Local;

/// <summary>The whole product on one machine: storage (Azurite unless told otherwise), the durable engine and the HTTP API.</summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalDurableEngine _engine;
    private readonly AzuriteProcess? _azurite;

    private readonly string? _apiKey;

    private LocalHost(
        WebApplication app, LocalDurableEngine engine, AzuriteProcess? azurite, string baseUrl, string connectionString, string? apiKey)
    {
        _apiKey = apiKey;
        _app = app;
        _engine = engine;
        _azurite = azurite;
        BaseUrl = baseUrl;
        ConnectionString = connectionString;
    }

    /// <summary>Where the HTTP API listens, for example <c>http://127.0.0.1:7071</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The storage account this host uses.</summary>
    public string ConnectionString { get; }

    /// <summary>The host's services (storage, handlers).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts storage, the durable engine and the HTTP API; <paramref name="configure"/> may replace services.</summary>
    public static async Task<LocalHost> StartAsync(
        LocalHostOptions options, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var limits = SpecLimits.For(options.Evaluator);
        AzuriteProcess? azurite = null;
        string connectionString = options.ConnectionString ?? string.Empty;
        if (options.ConnectionString is null)
        {
            azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = options.AzuriteLocation }, cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel);
            builder.Logging.AddFilter("DurableTask", options.LogLevel >= LogLevel.Warning ? LogLevel.Error : LogLevel.Warning);
            var bind = IPAddress.Parse(options.BindAddress);
            builder.WebHost.UseUrls($"http://{(bind.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind.ToString())}:{options.Port}");
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxSpecBytes);
            builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
            builder.Services.AddSingleton(limits);
            builder.Services.AddNasSearch(new StorageOptions { ConnectionString = connectionString }, options.Evaluator);
            builder.Services.AddSingleton(SearchIdGenerator.System);
            builder.Services.AddSingleton<EngineSlot>();
            builder.Services.AddSingleton<IOrchestrationClient>(sp => new TaskHubOrchestrationClient(sp.GetRequiredService<EngineSlot>().Engine.Client));
            builder.Services.AddSingleton<SearchApi>();
            configure?.Invoke(builder.Services);
            var app = builder.Build();
            app.UseProblemPipeline(new RequestGate(options.ApiKey, options.IsLoopback, limits.MaxSpecBytes), limits.MaxSpecBytes);
            app.MapSearchApi();

            await app.Services.GetRequiredService<ISearchStore>().EnsureCreatedAsync(cancellationToken);
            var engine = await LocalDurableEngine.StartAsync(connectionString, options.Durable, app.Services, options.RunWorker);
            app.Services.GetRequiredService<EngineSlot>().Engine = engine;
            await app.StartAsync(cancellationToken);
            string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalHost(app, engine, azurite, baseUrl, connectionString, options.ApiKey);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>A client for this host's API: its base address and, when the host has one, its API key.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null) => ApiClient.Create(BaseUrl, _apiKey, timeout);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _engine.DisposeAsync();
        await _app.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Holds the engine, which starts after the service provider is built.</summary>
    private sealed class EngineSlot
    {
        public LocalDurableEngine Engine { get; set; } = null!;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NasFunctions.Api;
using NasFunctions.Orchestration.Evaluation;

namespace NasFunctions.Local.Tests;

/// <summary>One local host for the class: its own Azurite (in memory), the DTFx worker on it, the HTTP API on a free port.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public LocalHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public CountingOrchestrationClient Orchestrations { get; private set; } = null!;

    public HoldingEvaluator Trials { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalHostOptions { Port = 0 };
        options.Durable.WorkerId = "local-tests";
        options.Evaluator.ThreadsPerTraining = 1;
        options.Evaluator.ValidationLimit = 600;
        options.Evaluator.TestLimit = 600;
        Host = await LocalHost.StartAsync(options, services =>
        {
            var inner = services.Single(s => s.ServiceType == typeof(IOrchestrationClient));
            services.Remove(inner);
            services.AddSingleton(sp =>
            {
                Orchestrations = new CountingOrchestrationClient((IOrchestrationClient)inner.ImplementationFactory!(sp));
                return Orchestrations;
            });
            services.AddSingleton<IOrchestrationClient>(sp => sp.GetRequiredService<CountingOrchestrationClient>());
            services.RemoveAll<ITrialEvaluator>();
            services.AddSingleton<TorchTrialEvaluator>();
            services.AddSingleton(sp => new HoldingEvaluator(sp.GetRequiredService<TorchTrialEvaluator>()));
            services.AddSingleton<ITrialEvaluator>(sp => sp.GetRequiredService<HoldingEvaluator>());
        });
        Trials = Host.Services.GetRequiredService<HoldingEvaluator>();
        Host.Services.GetRequiredService<CountingOrchestrationClient>();
        Http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}

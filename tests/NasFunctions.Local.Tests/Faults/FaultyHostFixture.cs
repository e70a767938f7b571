using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NasFunctions.Orchestration.Evaluation;

namespace NasFunctions.Local.Tests.Faults;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultyHostCollection : ICollectionFixture<FaultyHostFixture>
{
    public const string Name = "local host with injected trial faults";
}

/// <summary>A local host (its own Azurite, DTFx on it, the HTTP API) whose trials train through a <see cref="FaultInjectingEvaluator"/>.</summary>
public sealed class FaultyHostFixture : IAsyncLifetime
{
    public LocalHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public FaultInjectingEvaluator Faults { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalHostOptions { Port = 0 };
        options.Durable.WorkerId = "fault-tests";
        options.Evaluator.ThreadsPerTraining = 1;
        options.Evaluator.StopCheckInterval = TimeSpan.FromMilliseconds(500);
        options.Evaluator.DataRoots = [TrialFaultEndToEndTests.DataFolder()];
        Host = await LocalHost.StartAsync(options, services =>
        {
            services.RemoveAll<ITrialEvaluator>();
            services.AddSingleton<TorchTrialEvaluator>();
            services.AddSingleton(sp => new FaultInjectingEvaluator(sp.GetRequiredService<TorchTrialEvaluator>()));
            services.AddSingleton<ITrialEvaluator>(sp => sp.GetRequiredService<FaultInjectingEvaluator>());
        });
        Faults = Host.Services.GetRequiredService<FaultInjectingEvaluator>();
        Http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}

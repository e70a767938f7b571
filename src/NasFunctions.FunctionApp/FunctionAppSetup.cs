using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasFunctions.Api;
using NasFunctions.Orchestration;

namespace NasFunctions.FunctionApp;

/// <summary>The Functions app's startup: its middleware and services (Program.cs calls it; the tests call the same methods).</summary>
public static class FunctionAppSetup
{
    /// <summary>host.json beside the app's assemblies, where the Functions host reads it too.</summary>
    public static string HostJsonPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <summary>Adds the problem-details middleware and <see cref="AddNasFunctionApp"/>'s services.</summary>
    public static FunctionsApplicationBuilder UseNasFunctionApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseMiddleware<ProblemDetailsMiddleware>();
        builder.Services.AddNasFunctionApp(builder.Configuration, HostJsonPath);
        return builder;
    }

    /// <summary>
    /// Adds storage (connection from <c>NasStorage</c>, else <c>AzureWebJobsStorage</c>, either form), prepared once at startup;
    /// the search services with training slots following the host's activity concurrency unless <c>Nas:Evaluator:TrainingSlots</c>
    /// is set; the price table of estimated costs (<c>Nas:Cost</c>); search ids; trainings that stop with the worker; quiet default logging.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is missing, unknown or invalid; the message says which.</exception>
    public static IServiceCollection AddNasFunctionApp(this IServiceCollection services, IConfiguration configuration, string hostJsonPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = HostSettings.ReadConnection(configuration, HostSettings.StorageConnectionName, HostSettings.HostStorageConnectionName);
        var (storage, evaluator) = HostSettings.Read(configuration, connection, ActivityConcurrency.Read(configuration, hostJsonPath));
        services.AddNasSearch(storage, evaluator);
        services.AddSingleton(HostSettings.ReadCost(configuration));
        services.AddSingleton(SearchIdGenerator.System);
        services.AddHostedService<StoragePreparation>();
        services.AddHostedService<TrainingStop>();
        services.AddLogging(logging => logging.AddQuietDefaults());
        return services;
    }
}

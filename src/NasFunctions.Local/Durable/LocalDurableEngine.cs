using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Activities;

namespace NasFunctions.Local.Durable;

/// <summary>Runs the search's orchestrator and activities on the Durable Task Framework's worker over Azure Storage.</summary>
/// <remarks>
/// The same classes the Functions app runs are adapted by the Durable SDK's public shim factory. DTFx renews the queue
/// message of a long activity, so a training that outlasts the visibility timeout still runs once.
/// </remarks>
public sealed class LocalDurableEngine : IAsyncDisposable
{
    private readonly TaskHubWorker? _worker;

    private LocalDurableEngine(TaskHubWorker? worker, TaskHubClient client)
    {
        _worker = worker;
        Client = client;
    }

    /// <summary>The client that starts and reads instances on this hub.</summary>
    public TaskHubClient Client { get; }

    /// <summary>Creates the hub if needed and, when <paramref name="runWorker"/>, starts processing orchestrations.</summary>
    public static async Task<LocalDurableEngine> StartAsync(
        string connectionString, DurableEngineOptions options, IServiceProvider services, bool runWorker)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            WorkerId = options.WorkerId,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            MaxConcurrentTaskActivityWorkItems = options.ActivitySlots,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            UseAppLease = false, // one app on the hub: the lease only delays a restarted host's partitions by a second or two
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var client = new TaskHubClient(service, new SystemTextJsonDataConverter(), loggerFactory);
        if (!runWorker)
        {
            return new LocalDurableEngine(null, client);
        }

        var shims = new DurableTaskShimFactory(loggerFactory: loggerFactory);
        var worker = new TaskHubWorker(service, loggerFactory);
        worker.AddTaskOrchestrations(new OrchestratorCreator(TaskNames.SearchOrchestrator, shims, () => new SearchOrchestrator()));
        worker.AddTaskActivities(
            Activity<ProposeCandidatesActivity>(TaskNames.ProposeCandidates, shims, services),
            Activity<TrainCandidateActivity>(TaskNames.TrainCandidate, shims, services),
            Activity<StopTrialActivity>(TaskNames.StopTrial, shims, services),
            Activity<UpdateControllerActivity>(TaskNames.UpdateController, shims, services),
            Activity<FinishSearchActivity>(TaskNames.FinishSearch, shims, services));
        await worker.StartAsync();
        return new LocalDurableEngine(worker, client);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A client-only engine never started the service, so there is nothing to stop (stopping it throws).
        if (_worker is not null)
        {
            await _worker.StopAsync(isForced: true);
            _worker.Dispose();
        }
    }

    private static ActivityCreator Activity<T>(string name, DurableTaskShimFactory shims, IServiceProvider services)
        where T : ITaskActivity =>
        new(name, shims, () => services.GetRequiredService<T>());
}

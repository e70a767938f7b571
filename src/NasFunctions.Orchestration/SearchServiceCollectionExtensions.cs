using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Orchestration.Datasets;

namespace NasFunctions.Orchestration;

/// <summary>Registers what the search's activities need; both hosts call it.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Adds storage, the host's spec limits, the spec cache, the data sets (<c>blob:</c> paths from the account, others from the host's data roots), the TorchSharp evaluator (unless one is registered) and the activities.</summary>
    public static IServiceCollection AddNasSearch(this IServiceCollection services, StorageOptions storage, EvaluatorHostOptions? evaluator = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(storage);
        services.TryAddSingleton<ISearchStore>(_ => new AzureSearchStore(storage));
        services.TryAddSingleton(evaluator ?? new EvaluatorHostOptions());
        services.TryAddSingleton(sp => SpecLimits.For(sp.GetRequiredService<EvaluatorHostOptions>()));
        services.TryAddSingleton(sp => new SearchSpecCache(sp.GetRequiredService<ISearchStore>(), sp.GetRequiredService<SpecLimits>()));
        services.TryAddSingleton<IDatasetSource>(sp => new BlobOrLocalDatasetSource(
            new BlobDatasetSource(storage, sp.GetRequiredService<EvaluatorHostOptions>().DatasetCacheFolder),
            new RootedDatasetSource(sp.GetRequiredService<SpecLimits>().DataRoots)));
        services.TryAddSingleton<ITrialEvaluator, TorchTrialEvaluator>();
        services.TryAddSingleton<TrainingShutdown>();
        services.TryAddTransient<ProposeCandidatesActivity>();
        services.TryAddTransient<TrainCandidateActivity>();
        services.TryAddTransient<StopTrialActivity>();
        services.TryAddTransient<UpdateControllerActivity>();
        services.TryAddTransient<FinishSearchActivity>();
        return services;
    }
}

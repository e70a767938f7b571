using System.Collections.Concurrent;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Local.Tests;

/// <summary>
/// A test-only <see cref="ITrialEvaluator"/> decorator that holds the trials of searches with a given name until the test
/// releases them, so it can look at a search while its trials are in training however fast the machine trains them.
/// </summary>
public sealed class HoldingEvaluator(ITrialEvaluator inner) : ITrialEvaluator
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);

    /// <summary>Holds the trials of searches named <paramref name="searchName"/> from now on.</summary>
    public void Hold(string searchName) => _holds[searchName] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held trials of searches named <paramref name="searchName"/> train.</summary>
    public void Release(string searchName)
    {
        if (_holds.TryRemove(searchName, out var hold))
        {
            hold.TrySetResult();
        }
    }

    /// <inheritdoc />
    public TrialEvaluation Evaluate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrialCheckpointing checkpointing, CancellationToken cancellationToken)
    {
        if (_holds.TryGetValue(spec.Name, out var hold))
        {
            hold.Task.Wait(cancellationToken);
        }

        return inner.Evaluate(spec, architecture, fidelity, seed, checkpointing, cancellationToken);
    }
}

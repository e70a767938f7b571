using System.Collections.Concurrent;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Tests.Fakes;

/// <summary>Scores an architecture by a fixed formula instead of training it, so orchestration tests run in milliseconds.</summary>
/// <remarks>Fitness grows with the architecture's total channels; architectures containing <see cref="FailOn"/> throw.</remarks>
public sealed class SyntheticEvaluator : ITrialEvaluator
{
    public string? FailOn { get; init; }

    /// <summary>Architectures containing this fail once with a native-style error, then train.</summary>
    public string? FailOnceOn { get; init; }

    private readonly ConcurrentDictionary<string, bool> _failedOnce = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Evaluated { get; } = [];

    public static double Fitness(string canonical) =>
        0.5 + 0.4 * canonical.Split('|').Sum(b => b.Contains('/') ? int.Parse(b.Split('/')[1].Split('+')[0]) : 0) / 1000.0;

    public TrialEvaluation Evaluate(SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, CancellationToken cancellationToken)
    {
        Evaluated.Add(architecture.Canonical);
        if (FailOn is not null && architecture.Canonical.Contains(FailOn, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"synthetic failure for {architecture.Canonical}");
        }

        if (FailOnceOn is not null && architecture.Canonical.Contains(FailOnceOn, StringComparison.Ordinal)
            && _failedOnce.TryAdd(architecture.Canonical, true))
        {
            throw new System.Runtime.InteropServices.ExternalException("synthetic native error");
        }

        double fitness = Fitness(architecture.Canonical);
        return new TrialEvaluation(fitness, fitness - 0.01, 1 - fitness, architecture.Canonical.Length * 100, 0.01, architecture.Canonical.Length * 1000, 0.5, 0.05, [1, 2, 3]);
    }
}

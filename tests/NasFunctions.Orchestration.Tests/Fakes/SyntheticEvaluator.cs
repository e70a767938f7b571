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

    /// <summary>Architectures containing this crash (a native-style error) once, right after their first epoch's checkpoint.</summary>
    public string? CrashAfterFirstEpochOn { get; init; }

    public ConcurrentBag<string> Evaluated { get; } = [];

    /// <summary>Each training's architecture, the epoch it started from, and whether it continued another trial.</summary>
    public ConcurrentBag<(string Architecture, int StartEpoch, bool Continues)> Starts { get; } = [];

    public static double Fitness(string canonical) =>
        0.5 + 0.4 * canonical.Split('|').Sum(b => b.Contains('/') ? int.Parse(b.Split('/')[1].Split('+')[0]) : 0) / 1000.0;

    /// <remarks>A checkpoint is one byte: the epochs done. Every epoch from the start to the fidelity's hands one out.</remarks>
    public TrialEvaluation Evaluate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrialCheckpointing checkpointing, CancellationToken cancellationToken)
    {
        Evaluated.Add(architecture.Canonical);
        var start = checkpointing.StartFrom is { } bytes ? bytes[0] : 0;
        Starts.Add((architecture.Canonical, start, checkpointing.ContinuesAnotherTrial));
        if (FailOn is not null && architecture.Canonical.Contains(FailOn, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"synthetic failure for {architecture.Canonical}");
        }

        if (FailOnceOn is not null && architecture.Canonical.Contains(FailOnceOn, StringComparison.Ordinal)
            && _failedOnce.TryAdd(architecture.Canonical, true))
        {
            throw new System.Runtime.InteropServices.ExternalException("synthetic native error");
        }

        for (var epoch = start + 1; epoch <= fidelity.Epochs; epoch++)
        {
            checkpointing.AfterEpoch?.Invoke(new EpochCheckpoint(epoch, [(byte)epoch]));
            if (CrashAfterFirstEpochOn is not null && architecture.Canonical.Contains(CrashAfterFirstEpochOn, StringComparison.Ordinal)
                && epoch == 1 && _failedOnce.TryAdd("crash:" + architecture.Canonical, true))
            {
                throw new System.Runtime.InteropServices.ExternalException("synthetic crash after epoch 1");
            }
        }

        double fitness = Fitness(architecture.Canonical);
        return new TrialEvaluation(
            fitness, fitness - 0.01, 1 - fitness, architecture.Canonical.Length * 100, 0.01, architecture.Canonical.Length * 1000, 0.5, 0.05, [1, 2, 3],
            Math.Max(start, fidelity.Epochs), start);
    }
}

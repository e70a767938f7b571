using System.Collections.Concurrent;
using System.Text;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Local.Tests.Faults;

/// <summary>The fault a trial gets from <see cref="FaultInjectingEvaluator"/>.</summary>
public enum InjectedFault
{
    /// <summary>Train normally.</summary>
    None,

    /// <summary>Throw an exception whose message quotes a file's content and an install path.</summary>
    Exception,

    /// <summary>Train, then report a NaN validation loss and accuracy (a diverged network).</summary>
    NaN,

    /// <summary>Hang until the trial's stop token is cancelled (its timeout).</summary>
    Hang,
}

/// <summary>
/// A test-only <see cref="ITrialEvaluator"/> decorator that injects faults into the trials of searches whose name it was
/// given, choosing each trial's fault by a stable hash of its architecture (a search trains each once), so a run is repeatable.
/// </summary>
/// <remarks>Registered by tests through <c>LocalHost.StartAsync</c>'s configure hook; no spec field reaches it.</remarks>
public sealed class FaultInjectingEvaluator(ITrialEvaluator inner) : ITrialEvaluator
{
    /// <summary>The leaked text an injected exception carries; it must never reach the API.</summary>
    public const string SecretText = "root:x:0:0:root:/root:/bin/bash at /opt/secret-install/native/libtorch.so";

    private readonly ConcurrentDictionary<string, (double Rate, InjectedFault? Only)> _plans = new(StringComparer.Ordinal);

    /// <summary>Every fault injected: (search name, architecture, fault).</summary>
    public ConcurrentBag<(string Search, string Architecture, InjectedFault Fault)> Injected { get; } = [];

    /// <summary>Injects faults into this share, in [0, 1], of the trials of searches named <paramref name="searchName"/>: a third of each kind, or only <paramref name="only"/>.</summary>
    public void FaultSearch(string searchName, double rate, InjectedFault? only = null) => _plans[searchName] = (rate, only);

    /// <summary>The fault a trial of a search gets at this rate: a hash in [0, 1) below the rate picks one of three kinds.</summary>
    public static InjectedFault Choose(string architecture, double rate)
    {
        var draw = Hash(architecture) / (double)uint.MaxValue;
        return draw >= rate ? InjectedFault.None
            : draw < rate / 3 ? InjectedFault.Exception
            : draw < 2 * rate / 3 ? InjectedFault.NaN
            : InjectedFault.Hang;
    }

    /// <inheritdoc />
    public TrialEvaluation Evaluate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrialCheckpointing checkpointing, CancellationToken cancellationToken)
    {
        var fault = _plans.TryGetValue(spec.Name, out var plan) ? Choose(architecture.Canonical, plan.Rate) : InjectedFault.None;
        if (fault != InjectedFault.None && plan.Only is { } only)
        {
            fault = only;
        }

        if (fault != InjectedFault.None)
        {
            Injected.Add((spec.Name, architecture.Canonical, fault));
        }

        switch (fault)
        {
            case InjectedFault.Exception:
                throw new InvalidOperationException($"Injected fault reading '{SecretText}'");
            case InjectedFault.Hang:
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMinutes(5));
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException("The hang was never stopped.");
            case InjectedFault.NaN:
                var result = inner.Evaluate(spec, architecture, fidelity, seed, checkpointing, cancellationToken);
                return result with { ValidationAccuracy = double.NaN, ValidationLoss = double.NaN };
            default:
                return inner.Evaluate(spec, architecture, fidelity, seed, checkpointing, cancellationToken);
        }
    }

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}

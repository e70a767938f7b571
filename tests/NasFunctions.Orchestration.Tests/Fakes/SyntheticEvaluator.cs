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

    /// <summary>Architectures containing this fail with libtorch's out-of-memory error (long, with a native frame and a path).</summary>
    public string? OutOfMemoryOn { get; init; }

    /// <summary>Architectures containing this score a NaN validation loss and accuracy.</summary>
    public string? NaNOn { get; init; }

    /// <summary>Architectures containing this fail with a 503 from storage, every time.</summary>
    public string? TransientOn { get; init; }

    /// <summary>Architectures containing this hang until their token is cancelled (or, with <see cref="HangIgnoresToken"/>, until <see cref="Release"/>).</summary>
    public string? HangOn { get; init; }

    /// <summary>When true, a hang ignores its token, like a stuck native call: only the orchestrator's timer can end its round.</summary>
    public bool HangIgnoresToken { get; init; }

    private readonly ManualResetEventSlim _released = new();

    /// <summary>Ends every hang that ignores its token.</summary>
    public void Release() => _released.Set();

    /// <summary>Architectures whose hang ended because their token was cancelled.</summary>
    public ConcurrentBag<string> Stopped { get; } = [];

    public ConcurrentBag<string> Evaluated { get; } = [];

    /// <summary>How long each training takes (its token ends it early, as a stop or terminate would); settable between runs.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The training seconds each trial reports (default 0.01).</summary>
    public double TrainSeconds { get; init; } = 0.01;

    /// <summary>The libtorch text of a failed allocation, as TorchSharp raises it.</summary>
    public const string NativeOutOfMemory =
        "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 68719476736 bytes.\n"
        + "frame #0: c10::ThrowEnforceNotMet(char const*, int, char const*) + 0x5d (0x7f00 in /opt/nas/runtimes/linux-x64/native/libc10.so)";

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

        if (OutOfMemoryOn is not null && architecture.Canonical.Contains(OutOfMemoryOn, StringComparison.Ordinal))
        {
            throw new System.Runtime.InteropServices.ExternalException(NativeOutOfMemory);
        }

        if (TransientOn is not null && architecture.Canonical.Contains(TransientOn, StringComparison.Ordinal))
        {
            throw new Azure.RequestFailedException(503, "synthetic storage outage");
        }

        if (HangOn is not null && architecture.Canonical.Contains(HangOn, StringComparison.Ordinal))
        {
            if (HangIgnoresToken)
            {
                _released.Wait(TimeSpan.FromMinutes(2));
                throw new InvalidOperationException("a hang that was released");
            }

            try
            {
                Task.Delay(TimeSpan.FromMinutes(2), cancellationToken).GetAwaiter().GetResult();
            }
            catch (TaskCanceledException)
            {
                Stopped.Add(architecture.Canonical);
                throw;
            }
        }

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                Task.Delay(Delay, cancellationToken).GetAwaiter().GetResult();
            }
            catch (TaskCanceledException)
            {
                Stopped.Add(architecture.Canonical);
                throw;
            }
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

        double fitness = NaNOn is not null && architecture.Canonical.Contains(NaNOn, StringComparison.Ordinal)
            ? double.NaN
            : Fitness(architecture.Canonical);
        return new TrialEvaluation(
            fitness, fitness - 0.01, 1 - fitness, architecture.Canonical.Length * 100, TrainSeconds, architecture.Canonical.Length * 1000, 0.5, 0.05, [1, 2, 3],
            Math.Max(start, fidelity.Epochs), start);
    }
}

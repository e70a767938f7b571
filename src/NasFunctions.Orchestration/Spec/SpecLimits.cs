using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Evaluation;

namespace NasFunctions.Orchestration.Spec;

/// <summary>The host's facts and caps a spec is checked against: data roots, cores, and the most a caller may ask for.</summary>
/// <remarks>Each host builds one from its settings (<see cref="For"/>) and hands it to the spec reader; nothing here reads the environment.</remarks>
public sealed class SpecLimits
{
    /// <summary>Limits with every default: Debian's data-set folder as the only root, this machine's cores.</summary>
    public static SpecLimits Default { get; } = new();

    /// <summary>Where a local <c>dataset.path</c> may point, and the byte cap of one data set (default: Debian's folder, 4 GiB).</summary>
    public DataRoots DataRoots { get; init; } = new([DataRoots.DebianDatasets], 4L << 30);

    /// <summary>Most torch threads a trial may ask for: the host's cores (default <see cref="Environment.ProcessorCount"/>).</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Most trials one search may plan: rounds x candidates per round, and <c>maxTrials</c> (default 10,000).</summary>
    public int MaxTrials { get; init; } = 10_000;

    /// <summary>Most epochs per trial (default 1,000).</summary>
    public int MaxEpochs { get; init; } = 1_000;

    /// <summary>Most samples per mini-batch (default 8,192).</summary>
    public int MaxBatchSize { get; init; } = 8_192;

    /// <summary>Most characters of a search's name (default 200).</summary>
    public int MaxNameLength { get; init; } = 200;

    /// <summary>Most bytes of a spec, the request body of <c>POST /api/searches</c> (default 1 MiB); more is a 413.</summary>
    public int MaxSpecBytes { get; init; } = 1 << 20;

    /// <summary>The longest <c>budget.maxWallClock</c> a spec may set (default 30 days).</summary>
    public TimeSpan MaxWallClock { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The most <c>budget.maxComputeSeconds</c> a spec may set (default 10,000,000, about 116 days of training).</summary>
    public double MaxComputeSeconds { get; init; } = 10_000_000;

    /// <summary>The limits of a host with these training settings: its data roots and byte cap, its cores.</summary>
    public static SpecLimits For(EvaluatorHostOptions host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new SpecLimits { DataRoots = new DataRoots(host.EffectiveDataRoots, host.MaxDatasetBytes) };
    }

    /// <summary>Every problem with these limits; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxThreads < 1 || MaxTrials < 1 || MaxEpochs < 1 || MaxBatchSize < 1 || MaxNameLength < 1 || MaxSpecBytes < 1)
        {
            errors.Add("MaxThreads, MaxTrials, MaxEpochs, MaxBatchSize, MaxNameLength and MaxSpecBytes must each be at least 1.");
        }

        if (MaxWallClock <= TimeSpan.Zero || MaxComputeSeconds <= 0)
        {
            errors.Add("MaxWallClock and MaxComputeSeconds must be positive.");
        }

        return errors;
    }
}

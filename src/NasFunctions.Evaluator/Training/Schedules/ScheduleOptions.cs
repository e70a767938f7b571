namespace NasFunctions.Evaluator.Training.Schedules;

/// <summary>How the learning rate moves over a training's planned length; the peak rate is <see cref="TrainingOptions.LearningRate"/>.</summary>
/// <remarks>
/// The plan is counted in optimizer steps (batches): <see cref="TrainingOptions.PlannedEpochs"/> times the batches of one
/// epoch; the rate changes every step. Warmup is given in epochs (a fraction is allowed) and rounded to steps. See
/// <see cref="LearningRatePlan"/> for each schedule's closed form.
/// </remarks>
public sealed record ScheduleOptions
{
    /// <summary>The schedules <see cref="Name"/> may name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["constant", "cosine", "onecycle", "step"];

    /// <summary>"constant" (default), "cosine" (cosine decay after a linear warmup), "onecycle" (Smith's one cycle) or "step" (decay by <see cref="Gamma"/> at <see cref="Milestones"/>).</summary>
    public string Name { get; init; } = "constant";

    /// <summary>Epochs of linear warmup (the rate at step s of W is peak * (s + 1) / W) before a constant, cosine or step schedule; default 0 (none). Not for onecycle, which warms up by its own rule.</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>Cosine: the rate it ends at, as a fraction of the peak, in [0, 1]; default 0.</summary>
    public double MinFactor { get; init; }

    /// <summary>Step: where the rate drops, as fractions of the plan in (0, 1), increasing; default [0.5, 0.75].</summary>
    public IReadOnlyList<double> Milestones { get; init; } = [0.5, 0.75];

    /// <summary>Step: the factor each milestone multiplies the rate by, in (0, 1); default 0.1.</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>One-cycle: the fraction of the plan spent rising to the peak, in (0, 1); default 0.3.</summary>
    public double PercentStart { get; init; } = 0.3;

    /// <summary>One-cycle: the starting rate is peak / this, at least 1; default 25.</summary>
    public double DivFactor { get; init; } = 25;

    /// <summary>One-cycle: the final rate is the starting rate / this, at least 1; default 1e4.</summary>
    public double FinalDivFactor { get; init; } = 1e4;

    /// <inheritdoc />
    public bool Equals(ScheduleOptions? other) =>
        other is not null && Name == other.Name && WarmupEpochs.Equals(other.WarmupEpochs) && MinFactor.Equals(other.MinFactor)
        && (Milestones ?? []).SequenceEqual(other.Milestones ?? []) && Gamma.Equals(other.Gamma) && PercentStart.Equals(other.PercentStart)
        && DivFactor.Equals(other.DivFactor) && FinalDivFactor.Equals(other.FinalDivFactor);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, WarmupEpochs, MinFactor, Milestones?.Count ?? 0, Gamma, PercentStart, DivFactor, FinalDivFactor);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Name is null || !Names.Contains(Name))
        {
            errors.Add($"Schedule must be one of {string.Join(", ", Names)} (was '{Name}').");
        }

        if (!double.IsFinite(WarmupEpochs) || WarmupEpochs < 0)
        {
            errors.Add($"WarmupEpochs must be zero or positive (was {WarmupEpochs}).");
        }
        else if (WarmupEpochs > 0 && Name == "onecycle")
        {
            errors.Add("WarmupEpochs is not for onecycle, which rises to its peak over PercentStart of the plan.");
        }

        if (!double.IsFinite(MinFactor) || MinFactor < 0 || MinFactor > 1)
        {
            errors.Add($"MinFactor must be in [0, 1] (was {MinFactor}).");
        }

        if (Milestones is null || Milestones.Any(m => !double.IsFinite(m) || m <= 0 || m >= 1) || Milestones.Zip(Milestones.Skip(1)).Any(p => p.Second <= p.First))
        {
            errors.Add("Milestones must be increasing fractions of the plan, each in (0, 1).");
        }

        if (!double.IsFinite(Gamma) || Gamma <= 0 || Gamma >= 1)
        {
            errors.Add($"Gamma must be in (0, 1) (was {Gamma}).");
        }

        if (!double.IsFinite(PercentStart) || PercentStart <= 0 || PercentStart >= 1)
        {
            errors.Add($"PercentStart must be in (0, 1) (was {PercentStart}).");
        }

        if (!double.IsFinite(DivFactor) || DivFactor < 1 || !double.IsFinite(FinalDivFactor) || FinalDivFactor < 1)
        {
            errors.Add($"DivFactor and FinalDivFactor must be at least 1 (were {DivFactor} and {FinalDivFactor}).");
        }

        return errors;
    }
}

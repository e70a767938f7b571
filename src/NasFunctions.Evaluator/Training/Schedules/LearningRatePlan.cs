namespace NasFunctions.Evaluator.Training.Schedules;

/// <summary>The learning rate at every step of a planned training: a schedule fixed to a peak rate and a length in steps.</summary>
/// <remarks>
/// Steps are counted from 0 (the first update) to T - 1, T = <see cref="PlannedSteps"/>; W = round(warmupEpochs * steps per
/// epoch), at most T. With peak r:
/// <list type="bullet">
/// <item>warmup (constant, cosine, step), s &lt; W: r * (s + 1) / W;</item>
/// <item>constant: r;</item>
/// <item>cosine, s &gt;= W: m + (r - m) * (1 + cos(pi * (s - W) / (T - W))) / 2, m = r * minFactor;</item>
/// <item>step, s &gt;= W: r * gamma^k, k the milestones f with s &gt;= round(f * T);</item>
/// <item>onecycle: U = max(1, round(percentStart * T)), a = r / divFactor, z = a / finalDivFactor; s &lt; U: anneal(a, r, s / U),
/// else anneal(r, z, (s - U) / (T - U)), anneal(x, y, p) = y + (x - y) * (1 + cos(pi * p)) / 2 (torch's OneCycleLR up to where
/// its phases end).</item>
/// </list>
/// A step past the plan gets the plan's last rate. The rate depends only on (options, peak, steps per epoch, T, s), so a
/// training resumed at step s continues exactly the rates of the straight run.
/// </remarks>
public sealed class LearningRatePlan
{
    private readonly ScheduleOptions _options;
    private readonly double _peak;
    private readonly long _warmup;

    /// <summary>A plan of <paramref name="plannedSteps"/> steps, <paramref name="stepsPerEpoch"/> to an epoch, peaking at <paramref name="peak"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid, or a count is below 1.</exception>
    public LearningRatePlan(ScheduleOptions options, double peak, long stepsPerEpoch, long plannedSteps)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(plannedSteps, 1);
        _options = options;
        _peak = peak;
        PlannedSteps = plannedSteps;
        _warmup = Math.Min(plannedSteps, (long)Math.Round(options.WarmupEpochs * stepsPerEpoch, MidpointRounding.AwayFromZero));
    }

    /// <summary>The plan's length in steps (T).</summary>
    public long PlannedSteps { get; }

    /// <summary>The rate of step <paramref name="step"/> (0 for the first update).</summary>
    public double At(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var s = Math.Min(step, PlannedSteps - 1);
        var total = PlannedSteps;
        if (_options.Name == "onecycle")
        {
            var up = Math.Max(1, (long)Math.Round(_options.PercentStart * total, MidpointRounding.AwayFromZero));
            var start = _peak / _options.DivFactor;
            return s < up
                ? Anneal(start, _peak, (double)s / up)
                : Anneal(_peak, start / _options.FinalDivFactor, (double)(s - up) / Math.Max(1, total - up));
        }

        if (s < _warmup)
        {
            return _peak * (s + 1) / _warmup;
        }

        return _options.Name switch
        {
            "cosine" => Anneal(_peak, _peak * _options.MinFactor, (double)(s - _warmup) / Math.Max(1, total - _warmup)),
            "step" => _peak * Math.Pow(_options.Gamma, _options.Milestones.Count(f => s >= (long)Math.Round(f * total, MidpointRounding.AwayFromZero))),
            _ => _peak,
        };
    }

    /// <summary>Cosine from <paramref name="from"/> (p = 0) to <paramref name="to"/> (p = 1).</summary>
    private static double Anneal(double from, double to, double progress) => to + ((from - to) * (1 + Math.Cos(Math.PI * progress)) / 2);
}

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>The brackets of successive halving and of Hyperband (Li et al., 2018), from valid <see cref="MultiFidelityOptions"/>.</summary>
/// <remarks>All arithmetic is on whole numbers, so every rung's epochs are exact and the same in every process.</remarks>
internal static class RungSchedule
{
    /// <summary>The number of rungs, floor(log_eta(max / min)) + 1: the most rungs min * eta^i that fit under <paramref name="max"/>.</summary>
    public static int RungCount(int min, int max, int eta)
    {
        var rungs = 1;
        for (long epochs = (long)min * eta; epochs <= max; epochs *= eta)
        {
            rungs++;
        }

        return rungs;
    }

    /// <summary>Successive halving's rungs: min * eta^i, the last one exactly <paramref name="max"/>.</summary>
    public static IReadOnlyList<int> HalvingRungs(int min, int max, int eta)
    {
        var rungs = new int[RungCount(min, max, eta)];
        long epochs = min;
        for (var i = 0; i < rungs.Length - 1; i++, epochs *= eta)
        {
            rungs[i] = (int)epochs;
        }

        rungs[^1] = max;
        return rungs;
    }

    /// <summary>Every successive-halving bracket: <see cref="MultiFidelityOptions.Candidates"/> (default eta^(rungs - 1)) architectures on the halving rungs.</summary>
    public static BracketPlan Halving(MultiFidelityOptions options)
    {
        var rungs = HalvingRungs(options.EffectiveMinEpochs, options.EffectiveMaxEpochs, options.Eta);
        return new BracketPlan(options.Candidates ?? Clamp(Power(options.Eta, rungs.Count - 1)), rungs);
    }

    /// <summary>
    /// Hyperband's bracket number <paramref name="bracket"/> (0, 1, ...): s = s_max, s_max - 1, ..., 0, then again, where
    /// s_max = rungs - 1; it starts ceil((s_max + 1) / (s + 1) * eta^s) architectures at round(max * eta^-s) epochs and has s + 1
    /// rungs, rung i at round(max * eta^(i - s)) epochs (halves rounded up), never below minEpochs.
    /// </summary>
    public static BracketPlan Hyperband(MultiFidelityOptions options, int bracket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bracket);
        var (min, max, eta) = (options.EffectiveMinEpochs, options.EffectiveMaxEpochs, options.Eta);
        var brackets = RungCount(min, max, eta);
        var s = brackets - 1 - (bracket % brackets);
        var size = Clamp((brackets * Power(eta, s) + s) / (s + 1));
        var rungs = Enumerable.Range(0, s + 1).Select(i => Math.Max(min, RoundedQuotient(max, Power(eta, s - i)))).ToArray();
        return new BracketPlan(size, rungs);
    }

    private static long Power(int eta, int exponent)
    {
        long power = 1;
        for (var i = 0; i < exponent; i++)
        {
            power = checked(power * eta);
        }

        return power;
    }

    private static int RoundedQuotient(long numerator, long denominator) => (int)(((2 * numerator) + denominator) / (2 * denominator));

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}

namespace NasFunctions.Strategy.Progressive;

/// <summary>Standard normal helpers: rank-based normal scores, the inverse distribution function and draws.</summary>
internal static class NormalScores
{
    /// <summary>
    /// Replaces each value by the normal quantile of its mid-rank, (rank + 0.5) / n, ties sharing their mean rank; this keeps
    /// only the order of the fitness values, so outliers (broken networks) do not dominate the fit.
    /// </summary>
    public static double[] FromRanks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var scores = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = (start + end) / 2.0;
            var score = InverseCdf((rank + 0.5) / n);
            for (var k = start; k <= end; k++)
            {
                scores[order[k]] = score;
            }

            start = end + 1;
        }

        return scores;
    }

    /// <summary>One standard normal draw (Box-Muller, two uniforms from <paramref name="random"/>).</summary>
    public static double Draw(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>The standard normal quantile of <paramref name="p"/> in (0, 1) (Acklam's rational approximation).</summary>
    public static double InverseCdf(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}

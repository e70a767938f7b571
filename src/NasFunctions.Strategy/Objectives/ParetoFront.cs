namespace NasFunctions.Strategy.Objectives;

/// <summary>Finds the points no other point dominates (at least as good on every objective and better on one).</summary>
public static class ParetoFront
{
    /// <summary>The non-dominated points, in input order; equal points are all kept.</summary>
    /// <exception cref="ArgumentException">The points do not all have the same number of values.</exception>
    public static IReadOnlyList<ParetoPoint> Of(IReadOnlyList<ParetoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Select(p => p.Values.Count).Distinct().Count() > 1)
        {
            throw new ArgumentException("every point must have the same number of objective values", nameof(points));
        }

        return [.. points.Where(p => !points.Any(q => Dominates(q, p)))];
    }

    /// <summary>True when <paramref name="a"/> is at least as good as <paramref name="b"/> on every objective and better on one.</summary>
    public static bool Dominates(ParetoPoint a, ParetoPoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var better = false;
        for (var i = 0; i < a.Values.Count; i++)
        {
            if (a.Values[i] < b.Values[i])
            {
                return false;
            }

            better |= a.Values[i] > b.Values[i];
        }

        return better;
    }
}

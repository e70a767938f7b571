namespace NasFunctions.Evaluator.Data;

/// <summary>Per-feature mean and standard deviation, measured on a train split: features become <c>(x - Mean) / Std</c>.</summary>
public sealed class FeatureStandardization
{
    private FeatureStandardization(double[] means, double[] stds)
    {
        Means = means;
        Stds = stds;
    }

    /// <summary>The mean of each feature.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>The standard deviation of each feature (population); 1 for a constant feature, so it maps to 0.</summary>
    public IReadOnlyList<double> Stds { get; }

    /// <summary>Measures each feature's mean and deviation over the given rows (count x featureCount, row-major).</summary>
    public static FeatureStandardization Measure(double[] rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        var count = rows.Length / featureCount;
        var means = new double[featureCount];
        var stds = new double[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            double sum = 0;
            for (var r = 0; r < count; r++)
            {
                sum += rows[(r * featureCount) + f];
            }

            var mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (var r = 0; r < count; r++)
            {
                var d = rows[(r * featureCount) + f] - mean;
                squares += d * d;
            }

            var std = count == 0 ? 0 : Math.Sqrt(squares / count);
            means[f] = mean;
            stds[f] = std > 1e-12 ? std : 1;
        }

        return new FeatureStandardization(means, stds);
    }

    /// <summary>One value of feature <paramref name="feature"/>, standardized, as a float (what <see cref="Apply"/> gives).</summary>
    public float Standardize(double value, int feature) => (float)((value - Means[feature]) / Stds[feature]);

    /// <summary>The standardized copy of some rows (count x featureCount, row-major), as floats.</summary>
    public float[] Apply(double[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var featureCount = Means.Count;
        var result = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = Standardize(rows[i], i % featureCount);
        }

        return result;
    }
}

namespace NasFunctions.Evaluator.Data;

/// <summary>Rows of numeric features with one class each: features row-major as floats, one row after another.</summary>
public sealed class TabularSplit
{
    /// <summary>Creates a split from features (count x featureCount floats) and one label per row.</summary>
    public TabularSplit(int featureCount, float[] features, int[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.LongLength != (long)labels.Length * featureCount)
        {
            throw new ArgumentException($"{features.Length} values do not make {labels.Length} rows of {featureCount} features.", nameof(features));
        }

        FeatureCount = featureCount;
        Features = features;
        Labels = labels;
    }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>All features, row after row.</summary>
    public float[] Features { get; }

    /// <summary>The class index of each row.</summary>
    public int[] Labels { get; }

    /// <summary>The features of one row.</summary>
    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>A copy holding the first <paramref name="count"/> rows (all of them when there are fewer).</summary>
    public TabularSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return new TabularSplit(FeatureCount, Features.AsSpan(0, n * FeatureCount).ToArray(), Labels.AsSpan(0, n).ToArray());
    }
}

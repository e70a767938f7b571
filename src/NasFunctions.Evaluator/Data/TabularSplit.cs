namespace NasFunctions.Evaluator.Data;

/// <summary>Rows of numeric features with one class each: features row-major as floats, one row after another.</summary>
/// <remarks>
/// A split either holds its floats or is a view: some rows of a file's raw values, standardized as they are read
/// (<see cref="CopyRow"/>), so a table is in memory once however many splits and seeds use it. <see cref="Features"/> of a
/// view makes a copy.
/// </remarks>
public sealed class TabularSplit
{
    private readonly float[]? _features;
    private readonly double[]? _raw;
    private readonly int[]? _rows;
    private readonly FeatureStandardization? _standardization;
    private float[]? _copied;

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
        _features = features;
        Labels = labels;
    }

    /// <summary>A view of rows of raw values (count x featureCount doubles), standardized as they are read.</summary>
    internal TabularSplit(int featureCount, double[] raw, int[] rows, int[] labels, FeatureStandardization standardization)
    {
        FeatureCount = featureCount;
        _raw = raw;
        _rows = rows;
        _standardization = standardization;
        Labels = labels;
    }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>All features, row after row; a view copies them (once) to answer: read rows with <see cref="CopyRow"/> instead.</summary>
    public float[] Features => _features ?? (_copied ??= CopyAll());

    /// <summary>True when this split reads a file's raw values rather than holding floats of its own.</summary>
    public bool IsView => _raw is not null;

    /// <summary>Bytes of feature values this split holds itself (a view holds none until <see cref="Features"/> is read).</summary>
    public long OwnFeatureBytes => ((_features ?? _copied)?.LongLength ?? 0) * sizeof(float);

    /// <summary>The class index of each row.</summary>
    public int[] Labels { get; }

    /// <summary>The features of one row (a view computes them into a new array).</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        if (_features is not null)
        {
            return _features.AsSpan(index * FeatureCount, FeatureCount);
        }

        var row = new float[FeatureCount];
        CopyRow(index, row);
        return row;
    }

    /// <summary>Writes the features of row <paramref name="index"/> into <paramref name="target"/> (FeatureCount floats).</summary>
    public void CopyRow(int index, Span<float> target)
    {
        if (_features is not null)
        {
            _features.AsSpan(index * FeatureCount, FeatureCount).CopyTo(target);
            return;
        }

        var start = (long)_rows![index] * FeatureCount;
        for (var f = 0; f < FeatureCount; f++)
        {
            target[f] = _standardization!.Standardize(_raw![start + f], f);
        }
    }

    /// <summary>The first <paramref name="count"/> rows (all of them when there are fewer): a view of a view, else a copy.</summary>
    public TabularSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return _raw is not null
            ? new TabularSplit(FeatureCount, _raw, _rows![..n], Labels[..n], _standardization!)
            : new TabularSplit(FeatureCount, Features.AsSpan(0, n * FeatureCount).ToArray(), Labels.AsSpan(0, n).ToArray());
    }

    private float[] CopyAll()
    {
        var features = new float[Count * FeatureCount];
        for (var i = 0; i < Count; i++)
        {
            CopyRow(i, features.AsSpan(i * FeatureCount, FeatureCount));
        }

        return features;
    }
}

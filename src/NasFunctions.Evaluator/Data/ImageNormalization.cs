namespace NasFunctions.Evaluator.Data;

/// <summary>How pixels become network inputs: <c>(pixel / 255 - Mean) / Std</c>, with a mean and deviation per channel.</summary>
/// <param name="Mean">Mean of all pixels scaled to [0, 1] (of the one channel of grey images).</param>
/// <param name="Std">Standard deviation of all pixels scaled to [0, 1].</param>
public sealed record ImageNormalization(double Mean, double Std)
{
    private readonly double[]? _channelMeans;
    private readonly double[]? _channelStds;

    private ImageNormalization(double mean, double std, double[] means, double[] stds)
        : this(mean, std)
    {
        _channelMeans = means;
        _channelStds = stds;
    }

    /// <summary>The usual Fashion-MNIST figures (training set).</summary>
    public static ImageNormalization FashionMnist { get; } = new(0.2860, 0.3530);

    /// <summary>The usual MNIST figures (training set).</summary>
    public static ImageNormalization Mnist { get; } = new(0.1307, 0.3081);

    /// <summary>Mean of each channel's pixels scaled to [0, 1]; one entry (<see cref="Mean"/>) unless made per channel.</summary>
    public IReadOnlyList<double> ChannelMeans => _channelMeans ?? [Mean];

    /// <summary>Standard deviation of each channel's pixels scaled to [0, 1]; one entry (<see cref="Std"/>) unless made per channel.</summary>
    public IReadOnlyList<double> ChannelStds => _channelStds ?? [Std];

    /// <summary>A normalization with its own mean and deviation per channel; the overall figures are given too.</summary>
    public static ImageNormalization PerChannel(double mean, double std, IReadOnlyList<double> means, IReadOnlyList<double> stds)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(stds);
        if (means.Count == 0 || means.Count != stds.Count)
        {
            throw new ArgumentException($"Need one mean and one deviation per channel (got {means.Count} and {stds.Count}).");
        }

        return new ImageNormalization(mean, std, [.. means], [.. stds]);
    }

    /// <summary>Measures mean and standard deviation over every pixel of a set, overall and per channel.</summary>
    public static ImageNormalization Measure(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return images.Channels == 1
                ? new ImageNormalization(0, 1)
                : PerChannel(0, 1, Enumerable.Repeat(0.0, images.Channels).ToArray(), Enumerable.Repeat(1.0, images.Channels).ToArray());
        }

        var plane = images.Height * images.Width;
        var histograms = new long[images.Channels, 256];
        for (var image = 0; image < images.Count; image++)
        {
            for (var c = 0; c < images.Channels; c++)
            {
                foreach (var p in images.Image(image).Slice(c * plane, plane))
                {
                    histograms[c, p]++;
                }
            }
        }

        var total = new long[256];
        var means = new double[images.Channels];
        var stds = new double[images.Channels];
        for (var c = 0; c < images.Channels; c++)
        {
            var histogram = new long[256];
            for (var v = 0; v < 256; v++)
            {
                histogram[v] = histograms[c, v];
                total[v] += histogram[v];
            }

            (means[c], stds[c]) = Moments(histogram);
        }

        var (mean, std) = Moments(total);
        return images.Channels == 1 ? new ImageNormalization(mean, std) : PerChannel(mean, std, means, stds);
    }

    /// <summary>The normalized value of each of the 256 pixel values, by the overall figures.</summary>
    public float[] LookupTable() => Table(Mean, Std);

    /// <summary>The normalized value of each of the 256 pixel values of one channel.</summary>
    public float[] LookupTable(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, ChannelMeans.Count);
        return Table(ChannelMeans[channel], ChannelStds[channel]);
    }

    /// <inheritdoc />
    public bool Equals(ImageNormalization? other) =>
        other is not null && Mean.Equals(other.Mean) && Std.Equals(other.Std)
        && ChannelMeans.SequenceEqual(other.ChannelMeans) && ChannelStds.SequenceEqual(other.ChannelStds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mean, Std, ChannelMeans.Count);

    private static (double Mean, double Std) Moments(long[] histogram)
    {
        double n = 0, sum = 0, squares = 0;
        for (var v = 0; v < 256; v++)
        {
            var x = v / 255.0;
            n += histogram[v];
            sum += histogram[v] * x;
            squares += histogram[v] * x * x;
        }

        if (n == 0)
        {
            return (0, 1);
        }

        var mean = sum / n;
        var std = Math.Sqrt(Math.Max(squares / n - (mean * mean), 0));
        return (mean, std > 1e-6 ? std : 1);
    }

    private static float[] Table(double mean, double std)
    {
        var table = new float[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = (float)(((v / 255.0) - mean) / std);
        }

        return table;
    }
}

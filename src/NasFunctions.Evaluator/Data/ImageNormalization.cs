namespace NasFunctions.Evaluator.Data;

/// <summary>How pixels become network inputs: <c>(pixel / 255 - Mean) / Std</c>.</summary>
/// <param name="Mean">Mean of the pixels scaled to [0, 1].</param>
/// <param name="Std">Standard deviation of the pixels scaled to [0, 1].</param>
public sealed record ImageNormalization(double Mean, double Std)
{
    /// <summary>The usual Fashion-MNIST figures (training set).</summary>
    public static ImageNormalization FashionMnist { get; } = new(0.2860, 0.3530);

    /// <summary>The usual MNIST figures (training set).</summary>
    public static ImageNormalization Mnist { get; } = new(0.1307, 0.3081);

    /// <summary>Measures mean and standard deviation over every pixel of a set.</summary>
    public static ImageNormalization Measure(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Pixels.Length == 0)
        {
            return new ImageNormalization(0, 1);
        }

        var histogram = new long[256];
        foreach (var p in images.Pixels)
        {
            histogram[p]++;
        }

        double n = images.Pixels.LongLength, sum = 0, squares = 0;
        for (var v = 0; v < 256; v++)
        {
            var x = v / 255.0;
            sum += histogram[v] * x;
            squares += histogram[v] * x * x;
        }

        var mean = sum / n;
        var std = Math.Sqrt(Math.Max(squares / n - (mean * mean), 0));
        return new ImageNormalization(mean, std > 1e-6 ? std : 1);
    }

    /// <summary>The normalized value of each of the 256 pixel values.</summary>
    public float[] LookupTable()
    {
        var table = new float[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = (float)(((v / 255.0) - Mean) / Std);
        }

        return table;
    }
}

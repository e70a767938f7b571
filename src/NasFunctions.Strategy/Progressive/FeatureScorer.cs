namespace NasFunctions.Strategy.Progressive;

/// <summary>A function over architectures that is a constant plus one value per active interaction feature.</summary>
internal sealed class FeatureScorer(double constant, double[] table)
{
    /// <summary>The constant term.</summary>
    public double Constant => constant;

    /// <summary>The score of an architecture given its active features.</summary>
    public double Score(int[] active)
    {
        var sum = constant;
        foreach (var feature in active)
        {
            sum += table[feature];
        }

        return sum;
    }
}

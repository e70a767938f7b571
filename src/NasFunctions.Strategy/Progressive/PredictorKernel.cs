namespace NasFunctions.Strategy.Progressive;

/// <summary>A kernel over architectures that depends on how many decisions two of them share, mixing interaction orders.</summary>
/// <param name="OrderWeights">Weight of the order-j interactions at index j - 1; they sum to 1.</param>
/// <param name="Noise">Variance not explained by the interactions, relative to the signal.</param>
internal sealed record PredictorKernel(double[] OrderWeights, double Noise)
{
    /// <summary>Prior variance of the constant term.</summary>
    public const double ConstantWeight = 0.1;

    /// <summary>The candidate kernels for an interaction order up to <paramref name="order"/>, picked from by marginal likelihood.</summary>
    public static IReadOnlyList<PredictorKernel> Grid(int order)
    {
        double[][] mixes = order switch
        {
            1 => [[1.0]],
            2 => [[1.0, 0.0], [0.6, 0.4], [0.3, 0.7]],
            _ => [[1.0, 0.0, 0.0], [0.6, 0.4, 0.0], [0.3, 0.7, 0.0], [0.4, 0.3, 0.3], [0.2, 0.3, 0.5]],
        };
        double[] noises = [0.003, 0.03, 0.3];
        return [.. mixes.SelectMany(mix => noises.Select(noise => new PredictorKernel(mix, noise)))];
    }

    /// <summary>The prior variance of one feature of each order (index j - 1) over <paramref name="decisions"/> decisions.</summary>
    public double[] FeatureVariances(int decisions) =>
        [.. OrderWeights.Select((weight, j) => weight / InteractionFeatures.Choose(decisions, j + 1))];

    /// <summary>The kernel value for every count of shared decisions, 0 to <paramref name="decisions"/>.</summary>
    public double[] ByMatches(int decisions)
    {
        var variances = FeatureVariances(decisions);
        var values = new double[decisions + 1];
        for (var m = 0; m <= decisions; m++)
        {
            values[m] = ConstantWeight;
            for (var j = 0; j < variances.Length; j++)
            {
                values[m] += variances[j] * InteractionFeatures.Choose(m, j + 1);
            }
        }

        return values;
    }
}

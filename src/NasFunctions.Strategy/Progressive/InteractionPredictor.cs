namespace NasFunctions.Strategy.Progressive;

/// <summary>
/// A Gaussian-process fitness predictor over decision choices whose kernel counts shared decisions, pairs and triples
/// (equivalently Bayesian ridge regression on one-hot interaction features); it gives a mean and posterior draws.
/// </summary>
internal sealed class InteractionPredictor
{
    private readonly InteractionFeatures _features;
    private readonly PredictorKernel _kernel;
    private readonly Cholesky _factor;
    private readonly IReadOnlyList<int[]> _active;
    private readonly double[] _alpha;
    private readonly double _signal;

    private InteractionPredictor(
        InteractionFeatures features, PredictorKernel kernel, Cholesky factor, IReadOnlyList<int[]> active, double[] alpha, double signal)
    {
        _features = features;
        _kernel = kernel;
        _factor = factor;
        _active = active;
        _alpha = alpha;
        _signal = signal;
    }

    /// <summary>The kernel the predictor was fitted with.</summary>
    public PredictorKernel Kernel => _kernel;

    /// <summary>Fits the predictor to <paramref name="targets"/> at the architectures with choice indices <paramref name="codes"/>.</summary>
    public static InteractionPredictor Fit(
        InteractionFeatures features, IReadOnlyList<int[]> codes, IReadOnlyList<int[]> active, IReadOnlyList<double> targets, PredictorKernel kernel)
    {
        var matches = Matches(codes);
        var (factor, alpha, _) = Solve(features, matches, codes.Count, targets, kernel)
            ?? throw new InvalidOperationException("the kernel matrix is not positive definite");
        var signal = Math.Max(Dot(alpha, targets) / Math.Max(codes.Count, 1), 1e-12);
        return new InteractionPredictor(features, kernel, factor, active, alpha, signal);
    }

    /// <summary>The kernel of <paramref name="grid"/> with the highest marginal likelihood of the targets (signal variance profiled out).</summary>
    public static PredictorKernel SelectKernel(
        InteractionFeatures features, IReadOnlyList<int[]> codes, IReadOnlyList<double> targets, IReadOnlyList<PredictorKernel> grid)
    {
        var matches = Matches(codes);
        var best = grid[0];
        var bestLikelihood = double.NegativeInfinity;
        foreach (var kernel in grid)
        {
            if (Solve(features, matches, codes.Count, targets, kernel) is { } fit && fit.LogLikelihood > bestLikelihood)
            {
                best = kernel;
                bestLikelihood = fit.LogLikelihood;
            }
        }

        return best;
    }

    /// <summary>A draw of the prior, scaled by <paramref name="temperature"/>, for when nothing is measured yet.</summary>
    public static FeatureScorer PriorDraw(InteractionFeatures features, PredictorKernel kernel, Random random, double temperature)
    {
        var (constant, table) = DrawPrior(features, kernel, 1.0, random);
        for (var f = 0; f < table.Length; f++)
        {
            table[f] *= temperature;
        }

        return new FeatureScorer(constant * temperature, table);
    }

    /// <summary>The posterior mean.</summary>
    public FeatureScorer Mean() => Scorer(_alpha, new double[_features.Count], 0.0);

    /// <summary>
    /// A draw from the posterior whose deviation from the mean is scaled by <paramref name="temperature"/> (1: a true draw,
    /// 0: the mean), by pathwise conditioning: a prior draw corrected by the data.
    /// </summary>
    public FeatureScorer Draw(Random random, double temperature)
    {
        var n = _active.Count;
        var (constant, table) = DrawPrior(_features, _kernel, _signal, random);
        var residual = new double[n];
        var noise = Math.Sqrt(_signal * _kernel.Noise);
        for (var i = 0; i < n; i++)
        {
            var value = constant;
            foreach (var feature in _active[i])
            {
                value += table[feature];
            }

            residual[i] = value + (noise * NormalScores.Draw(random));
        }

        var correction = _factor.Solve(residual);
        var coefficients = new double[n];
        for (var i = 0; i < n; i++)
        {
            coefficients[i] = _alpha[i] - (temperature * correction[i]);
        }

        for (var f = 0; f < table.Length; f++)
        {
            table[f] *= temperature;
        }

        return Scorer(coefficients, table, constant * temperature);
    }

    private static (double Constant, double[] Table) DrawPrior(InteractionFeatures features, PredictorKernel kernel, double signal, Random random)
    {
        var variances = kernel.FeatureVariances(features.Decisions);
        var table = new double[features.Count];
        var orders = features.FeatureOrders;
        for (var f = 0; f < table.Length; f++)
        {
            table[f] = Math.Sqrt(signal * variances[orders[f] - 1]) * NormalScores.Draw(random);
        }

        var constant = Math.Sqrt(signal * PredictorKernel.ConstantWeight) * NormalScores.Draw(random);
        return (constant, table);
    }

    private static (Cholesky Factor, double[] Alpha, double LogLikelihood)? Solve(
        InteractionFeatures features, ushort[] matches, int n, IReadOnlyList<double> targets, PredictorKernel kernel)
    {
        var byMatches = kernel.ByMatches(features.Decisions);
        var matrix = new double[n * n];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] = byMatches[matches[i]];
        }

        for (var i = 0; i < n; i++)
        {
            matrix[(i * n) + i] += kernel.Noise;
        }

        if (Cholesky.Factor(matrix, n) is not { } factor)
        {
            return null;
        }

        var y = targets.ToArray();
        var alpha = factor.Solve(y);
        var signal = Math.Max(Dot(alpha, targets) / Math.Max(n, 1), 1e-12);
        var logLikelihood = (-0.5 * n * Math.Log(signal)) - factor.HalfLogDeterminant;
        return (factor, alpha, logLikelihood);
    }

    private static ushort[] Matches(IReadOnlyList<int[]> codes)
    {
        var n = codes.Count;
        var matches = new ushort[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var shared = 0;
                var a = codes[i];
                var b = codes[j];
                for (var d = 0; d < a.Length; d++)
                {
                    shared += a[d] == b[d] ? 1 : 0;
                }

                matches[(i * n) + j] = (ushort)shared;
                matches[(j * n) + i] = (ushort)shared;
            }
        }

        return matches;
    }

    private static double Dot(double[] a, IReadOnlyList<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private FeatureScorer Scorer(double[] coefficients, double[] table, double constant)
    {
        var variances = _kernel.FeatureVariances(_features.Decisions);
        var orders = _features.SubsetOrders;
        var sum = 0.0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            sum += coefficients[i];
            var active = _active[i];
            for (var s = 0; s < active.Length; s++)
            {
                table[active[s]] += coefficients[i] * variances[orders[s] - 1];
            }
        }

        return new FeatureScorer(constant + (PredictorKernel.ConstantWeight * sum), table);
    }
}

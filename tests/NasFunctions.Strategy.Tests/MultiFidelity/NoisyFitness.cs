using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

/// <summary>
/// A fitness measured after some epochs: the synthetic problem's additive true fitness plus a fixed noise per (architecture,
/// epochs) that shrinks as 1 / epochs, so longer training ranks architectures more faithfully.
/// </summary>
internal sealed class NoisyFitness(SyntheticProblem problem, double noise = 1.5)
{
    /// <summary>The fitness a trial of <paramref name="architecture"/> measures after <paramref name="epochs"/> epochs in all.</summary>
    public double? Measure(Architecture architecture, int epochs)
    {
        var centered = (2 * new Random(Fnv($"{architecture.Canonical}@{epochs}")).NextDouble()) - 1;
        return problem.Fitness(architecture) + (noise * centered / epochs);
    }

    /// <summary>The noiseless fitness, to judge what a search found.</summary>
    public double True(Architecture architecture) => problem.Fitness(architecture);

    private static int Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}

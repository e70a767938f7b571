using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>The architecture a search retrains: the fastest per epoch among its finished trials within a tolerance of the best validation score.</summary>
/// <remarks>
/// The one-standard-error rule of model selection (Breiman et al., 1984), parsimony measured in training seconds per epoch: the
/// retraining has fixed minutes, so a network that trains an epoch in half the time trains twice the epochs, which counts for
/// more than a small lead after a search trial's few epochs. At tolerance 0 it is the best trial's architecture.
/// </remarks>
internal static class RetrainChoice
{
    /// <summary>The most a tolerance may be, in validation score (0 to 1): 0.2.</summary>
    public const double MostTolerance = 0.2;

    /// <summary>The index of the trial to retrain among <paramref name="finished"/> (not empty), the earlier first where scores and speeds tie.</summary>
    public static int Pick(IReadOnlyList<TrainingResult> finished, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentOutOfRangeException.ThrowIfZero(finished.Count);
        var indices = Enumerable.Range(0, finished.Count);
        var best = indices.OrderByDescending(i => finished[i].ValidationAccuracy).First();
        return tolerance <= 0
            ? best
            : indices
                .Where(i => finished[i].ValidationAccuracy >= finished[best].ValidationAccuracy - tolerance)
                .OrderBy(i => EpochSeconds(finished[i]))
                .ThenByDescending(i => finished[i].ValidationAccuracy)
                .First();
    }

    /// <summary>Seconds an epoch of the trial took, its checkpoint's epochs included.</summary>
    public static double EpochSeconds(TrainingResult result) => result.TrainSeconds / Math.Max(1, result.Epochs);

    /// <summary>The problem with a tolerance, or null when it is in [0, <see cref="MostTolerance"/>].</summary>
    public static string? Problem(double tolerance) =>
        tolerance is >= 0 and <= MostTolerance ? null : $"RetrainTolerance must be 0 to {MostTolerance} (was {tolerance}).";
}

namespace NasFunctions.Evaluator.Training;

/// <summary>Early stopping's view of a training: the best validation accuracy so far, the epochs since, and whether it stopped.</summary>
/// <param name="BestAccuracy">The best validation accuracy seen after any epoch, in [0, 1].</param>
/// <param name="EpochsSinceBest">Epochs since the accuracy last beat the best by more than the minimum gain.</param>
/// <param name="Stopped">True once <paramref name="EpochsSinceBest"/> reached the patience: no more epochs are trained.</param>
public sealed record PlateauWatch(double BestAccuracy, int EpochsSinceBest, bool Stopped)
{
    /// <summary>The watch after an epoch that scored <paramref name="accuracy"/>, given the rule's patience and minimum gain.</summary>
    public static PlateauWatch After(PlateauWatch? watch, double accuracy, int patience, double minimumGain)
    {
        if (watch is null || accuracy > watch.BestAccuracy + minimumGain)
        {
            return new PlateauWatch(accuracy, 0, false);
        }

        var since = watch.EpochsSinceBest + 1;
        return new PlateauWatch(watch.BestAccuracy, since, since >= patience);
    }
}

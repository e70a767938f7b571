namespace NasFunctions.Evaluator.Training;

/// <summary>Thrown when a training's loss becomes NaN or infinite: the network diverged, and training it again would repeat that.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for the epoch (1-based) in which the loss stopped being finite.</summary>
    public TrainingDivergedException(int epoch, double loss)
        : base($"The loss became {loss} in epoch {epoch}: training diverged.")
    {
        Epoch = epoch;
        Loss = loss;
    }

    /// <summary>The epoch (1-based) in which the loss stopped being finite.</summary>
    public int Epoch { get; }

    /// <summary>The non-finite loss seen.</summary>
    public double Loss { get; }
}

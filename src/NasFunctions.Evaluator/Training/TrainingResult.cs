namespace NasFunctions.Evaluator.Training;

/// <summary>What training one network measured, and its trained weights.</summary>
/// <param name="ValidationAccuracy">Fraction of the validation split classified correctly, in [0, 1].</param>
/// <param name="TestAccuracy">Fraction of the test split classified correctly, in [0, 1].</param>
/// <param name="ValidationLoss">Mean cross-entropy over the validation split.</param>
/// <param name="Parameters">Number of trainable values.</param>
/// <param name="TrainSeconds">Wall-clock seconds of the training loop (final evaluation excluded), counting those of the checkpoint it started from.</param>
/// <param name="Epochs">Epochs the weights have been trained for in all, counting those of the checkpoint it started from.</param>
/// <param name="TrainSamples">Training samples per epoch (the data-fraction subset of the train split).</param>
/// <param name="Weights">The trained weights as <c>Module.save</c> writes them; see <see cref="Models.ModelWeights"/>.</param>
/// <param name="Measures">The trained network's parameters, FLOPs per sample and host latency.</param>
/// <param name="StartEpoch">Epochs the weights already had when this run started (from its checkpoint); 0 for fresh weights.</param>
/// <param name="StoppedEarly">True when early stopping ended training before the epochs asked for.</param>
public sealed record TrainingResult(
    double ValidationAccuracy,
    double TestAccuracy,
    double ValidationLoss,
    long Parameters,
    double TrainSeconds,
    int Epochs,
    int TrainSamples,
    byte[] Weights,
    Measures.ModelMeasures Measures,
    int StartEpoch = 0,
    bool StoppedEarly = false)
{
    /// <summary>Epochs this run trained itself (not counting those of the checkpoint it started from).</summary>
    public int EpochsTrained => Epochs - StartEpoch;
}

namespace NasFunctions.Evaluator.Training;

/// <summary>What training one network measured, and its trained weights.</summary>
/// <param name="ValidationAccuracy">Fraction of the validation split classified correctly, in [0, 1].</param>
/// <param name="TestAccuracy">Fraction of the test split classified correctly, in [0, 1].</param>
/// <param name="ValidationLoss">Mean cross-entropy over the validation split.</param>
/// <param name="Parameters">Number of trainable values.</param>
/// <param name="TrainSeconds">Wall-clock seconds of the training loop (evaluation excluded).</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="TrainSamples">Training samples per epoch (the data-fraction subset of the train split).</param>
/// <param name="Weights">The trained weights as <c>Module.save</c> writes them; see <see cref="Models.ModelWeights"/>.</param>
/// <param name="Measures">The trained network's parameters, FLOPs per sample and host latency.</param>
public sealed record TrainingResult(
    double ValidationAccuracy,
    double TestAccuracy,
    double ValidationLoss,
    long Parameters,
    double TrainSeconds,
    int Epochs,
    int TrainSamples,
    byte[] Weights,
    Measures.ModelMeasures Measures);

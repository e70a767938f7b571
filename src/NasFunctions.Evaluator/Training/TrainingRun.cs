namespace NasFunctions.Evaluator.Training;

/// <summary>How a run of <see cref="TrainingLoop"/> went: where it started, how far it got, on how many samples, in how long.</summary>
/// <param name="StartEpoch">Epochs the weights had when this run started (from its checkpoint); 0 for fresh weights.</param>
/// <param name="EpochsDone">Epochs the weights have in all.</param>
/// <param name="TrainSamples">Training samples per epoch (the data-fraction subset).</param>
/// <param name="TrainSeconds">Training seconds, counting those of the checkpoint it started from.</param>
/// <param name="StoppedEarly">True when early stopping ended training before the epochs asked for.</param>
internal sealed record TrainingRun(int StartEpoch, int EpochsDone, int TrainSamples, double TrainSeconds, bool StoppedEarly)
{
    /// <summary>The result of this run for a trained model scored so: its weights saved, the run's epochs, samples and seconds.</summary>
    public TrainingResult Result(double validation, double test, double validationLoss, TorchSharp.torch.nn.Module model, Measures.ModelMeasures measures) =>
        new(validation, test, validationLoss, measures.Parameters, TrainSeconds, EpochsDone, TrainSamples, Models.ModelWeights.Save(model), measures, StartEpoch, StoppedEarly);
}

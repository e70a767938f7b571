using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models.Seq2Seq;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>Translation as a training task: batches by length, teacher forcing, per-token (smoothed) cross-entropy that ignores padding, the fitness on validation.</summary>
internal sealed class Seq2SeqTask(PairBatches train, TrainingOptions options, Func<Seq2SeqModel, CancellationToken, double> validationScore)
    : ITrainingTask<Seq2SeqModel>
{
    /// <inheritdoc />
    public int TrainCount => train.Count;

    /// <inheritdoc />
    public long EpochSteps(int samples, int batchSize) => PairBatches.EpochSteps(samples, batchSize);

    /// <inheritdoc />
    public IEnumerable<int[]> EpochBatches(int[] subset, Random order, int batchSize) => train.ByLength(subset, order, batchSize);

    /// <inheritdoc />
    public void BeginEpoch(int seed, int epoch)
    {
    }

    /// <inheritdoc />
    public Tensor Loss(Seq2SeqModel model, ReadOnlySpan<int> batch, Device device)
    {
        var (source, targetIn, targetOut) = train.Create(batch, device);
        return TokenLoss(model, source, targetIn, targetOut, options.LabelSmoothing, nn.Reduction.Mean);
    }

    /// <inheritdoc />
    public double ValidationScore(Seq2SeqModel model, CancellationToken cancellationToken) => validationScore(model, cancellationToken);

    /// <summary>Cross-entropy of the teacher-forced logits over every target position but padding, smoothed by <paramref name="smoothing"/>.</summary>
    public static Tensor TokenLoss(Seq2SeqModel model, Tensor source, Tensor targetIn, Tensor targetOut, double smoothing, nn.Reduction reduction)
    {
        var logits = model.forward(source, targetIn);
        var vocabulary = logits.shape[2];
        var flat = logits.reshape(-1, vocabulary);
        return nn.functional.cross_entropy(
            flat.dtype == ScalarType.Float32 ? flat : flat.to(ScalarType.Float32), targetOut.reshape(-1),
            ignore_index: Vocabulary.PadId, reduction: reduction, label_smoothing: smoothing);
    }
}

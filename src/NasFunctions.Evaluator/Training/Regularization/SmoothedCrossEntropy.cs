using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Regularization;

/// <summary>The training loss: cross-entropy against targets smoothed towards the uniform distribution (Szegedy et al., 2016).</summary>
/// <remarks>
/// With smoothing ε over K classes the target puts <c>1 - ε + ε/K</c> on the label and <c>ε/K</c> on every other class, so
/// the loss of one sample is <c>(1 - ε) * -log p(label) + ε * mean over k of -log p(k)</c>, averaged over the batch (torch's
/// <c>label_smoothing</c>). ε = 0 is plain cross-entropy. Only training uses it: validation and test losses stay plain.
/// </remarks>
public static class SmoothedCrossEntropy
{
    /// <summary>The batch's mean loss for float logits (N, K) and int64 labels (N), smoothed by <paramref name="smoothing"/> in [0, 1).</summary>
    public static Tensor Loss(Tensor logits, Tensor labels, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (double.IsNaN(smoothing) || smoothing < 0 || smoothing >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Label smoothing must be in [0, 1).");
        }

        return nn.functional.cross_entropy(logits, labels, label_smoothing: smoothing);
    }
}

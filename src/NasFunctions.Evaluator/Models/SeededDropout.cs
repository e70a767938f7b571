using NasFunctions.Evaluator.Measures;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>Dropout with torch's math that draws its masks from a generator of its own (the training's), not torch's process-wide one.</summary>
/// <remarks>
/// In training mode each element is kept with probability <c>1 - p</c> and scaled by <c>1 / (1 - p)</c>: the mask is
/// <c>empty_like(x).bernoulli_(1 - p)</c> divided by <c>1 - p</c>, times the input, as torch's CPU dropout computes it; in eval
/// mode (or at <c>p = 0</c>) it is the identity. The trainer hands it the training's generator
/// (<see cref="Training.TrainingRandom"/>), so two trainings in one process never share draws and a checkpoint can hold them;
/// until it has one it draws from torch's default generator, as <c>nn.Dropout</c> does. No parameters or buffers: saved weights
/// look as with <c>nn.Dropout</c>.
/// </remarks>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>, IFlopCounted
{
    private readonly Scalar _keep;

    /// <summary>A dropout layer that zeroes each element with probability <paramref name="probability"/>, in [0, 1).</summary>
    public SeededDropout(double probability) : base("Dropout")
    {
        if (double.IsNaN(probability) || probability < 0 || probability >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Dropout probability must be in [0, 1).");
        }

        Probability = probability;
        _keep = (1 - probability).ToScalar(); // held by the module: an inline scalar could be finalized mid-call
    }

    /// <summary>The probability an element is zeroed in training.</summary>
    public double Probability { get; }

    /// <summary>The generator masks are drawn from; null (until the trainer sets one) draws from torch's default generator.</summary>
    public Generator? Generator { get; set; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || Probability == 0 || input.numel() == 0)
        {
            return input.alias(); // a fresh handle: Sequential disposes what a layer returns once the next layer has it
        }

        var mask = empty_like(input).bernoulli_(1 - Probability, Generator);
        mask.div_(_keep);
        return input.mul(mask);
    }

    /// <inheritdoc />
    public FlopCount CountFlops(long[] inputShape) => new(0, inputShape);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keep.Dispose();
        }

        base.Dispose(disposing);
    }
}

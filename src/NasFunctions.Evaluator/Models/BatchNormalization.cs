using NasFunctions.Evaluator.Measures;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>Batch normalization over dimension 1 (features or channels), as torch's BatchNorm1d/2d, counting batches with a held scalar.</summary>
/// <remarks>
/// TorchSharp 0.107's BatchNorm steps its batch counter with <c>num_batches_tracked.add_(1)</c>, whose inline scalars nothing
/// keeps alive: a garbage collection mid-call surfaced as "For integral input tensors, argument alpha must not be a floating
/// point number". This module keeps the same parameters and buffers under the same names (<c>weight</c>, <c>bias</c>,
/// <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>), so saved weights look the same, and normalizes with
/// <c>batch_norm</c> (momentum 0.1, epsilon 1e-5), whose numbers travel as doubles.
/// </remarks>
internal sealed class BatchNormalization : nn.Module<Tensor, Tensor>, IFlopCounted
{
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;

    public BatchNormalization(long features) : base("BatchNorm")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        register_parameter("weight", new TorchSharp.Modules.Parameter(ones(features)));
        register_parameter("bias", new TorchSharp.Modules.Parameter(zeros(features)));
        register_buffer("running_mean", zeros(features));
        register_buffer("running_var", ones(features));
        register_buffer("num_batches_tracked", tensor(0L));
    }

    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var noGrad = no_grad();
            get_buffer("num_batches_tracked")!.add_(HeldScalars.One, HeldScalars.One);
        }

        return nn.functional.batch_norm(
            input, get_buffer("running_mean"), get_buffer("running_var"), get_parameter("weight"), get_parameter("bias"), training, Momentum, Epsilon);
    }

    public FlopCount CountFlops(long[] inputShape) => new(2 * FlopCounter.Elements(inputShape), inputShape);
}

using NasFunctions.Evaluator.Models;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Measures;

/// <summary>What a built network costs: trainable parameters, FLOPs per sample, and host latency per sample at batch 1 and 64.</summary>
/// <param name="Parameters">Trainable values (weights and biases; batch-norm running statistics excluded).</param>
/// <param name="Flops">FLOPs of one forward pass over one sample (see <see cref="FlopCounter"/>).</param>
/// <param name="LatencyMilliseconds">Median milliseconds of one forward pass at batch 1.</param>
/// <param name="LatencyMillisecondsBatch64">Median milliseconds of one forward pass at batch 64, divided by 64 (per sample).</param>
public sealed record ModelMeasures(long Parameters, long Flops, double LatencyMilliseconds, double LatencyMillisecondsBatch64)
{
    /// <summary>The batch size of the second latency figure.</summary>
    public const int LargeBatch = 64;

    /// <summary>Counts and times a built model for inputs of <paramref name="shape"/> on the model's device; leaves it in eval mode.</summary>
    /// <param name="model">The model (one of ours, or layers <see cref="FlopCounter"/> knows).</param>
    /// <param name="shape">One sample's input shape and what the inputs hold.</param>
    /// <param name="warmups">Untimed forward passes before timing each batch size.</param>
    /// <param name="repeats">Timed forward passes per batch size; the median is kept.</param>
    public static ModelMeasures Of(nn.Module<Tensor, Tensor> model, DataShape shape, int warmups = 2, int repeats = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(shape);
        var parameters = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        var flops = FlopCounter.Count(model, shape.SampleShape);
        var device = model.parameters().First().device;
        return new ModelMeasures(
            parameters,
            flops,
            LatencyMeter.MillisecondsPerSample(model, n => shape.Ones(n, device), 1, warmups, repeats),
            LatencyMeter.MillisecondsPerSample(model, n => shape.Ones(n, device), LargeBatch, warmups, repeats));
    }
}

using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Measures;

/// <summary>Times a model's forward pass on the host: eval mode, no gradients, some warm-up runs, then the median of repeats.</summary>
public static class LatencyMeter
{
    /// <summary>Median milliseconds per sample of a forward pass over a batch made by <paramref name="makeBatch"/>.</summary>
    /// <param name="model">The model; it is put in eval mode.</param>
    /// <param name="makeBatch">Makes an input batch of the given size on the model's device.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="warmups">Untimed runs first (caches, allocator).</param>
    /// <param name="repeats">Timed runs; the median is returned.</param>
    public static double MillisecondsPerSample(nn.Module<Tensor, Tensor> model, Func<int, Tensor> makeBatch, int batchSize, int warmups = 2, int repeats = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(makeBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = makeBatch(batchSize);
        for (var i = 0; i < warmups; i++)
        {
            using var inner = NewDisposeScope();
            model.forward(input);
        }

        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            using var inner = NewDisposeScope();
            var stopwatch = Stopwatch.StartNew();
            var output = model.forward(input);
            if (output.device_type == DeviceType.CUDA)
            {
                cuda.synchronize();
            }

            times[i] = stopwatch.Elapsed.TotalMilliseconds / batchSize;
        }

        Array.Sort(times);
        return repeats % 2 == 1 ? times[repeats / 2] : (times[(repeats / 2) - 1] + times[repeats / 2]) / 2;
    }
}

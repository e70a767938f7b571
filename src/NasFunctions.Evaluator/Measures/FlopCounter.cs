using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Measures;

/// <summary>Counts the floating-point operations of one forward pass of a built network, layer by layer, for one sample.</summary>
/// <remarks>
/// Conventions (inference, one sample, shapes without the batch dimension): a multiply-add counts as 2 FLOPs.
/// <list type="bullet">
/// <item>Convolution: <c>2 * Cin/groups * k^d * Cout * outputPositions</c>, plus <c>Cout * outputPositions</c> with a bias.</item>
/// <item>Linear: <c>2 * in * out</c> per position, plus <c>out</c> per position with a bias.</item>
/// <item>Batch norm: 2 per element (scale and shift); layer norm: 7 per element (mean, centre, square, sum, divide, scale, shift).</item>
/// <item>Activations (ReLU, GELU, tanh, ...): 1 per element; an addition (residual, cell sum): 1 per element; dropout and
/// embedding lookups: 0.</item>
/// <item>Pooling k x k: <c>k * k</c> per output element; global average pooling: 1 per input element.</item>
/// <item>LSTM per step: <c>8H(I+H) + 21H</c>; GRU per step: <c>6H(I+H) + 17H</c> (see <see cref="Recurrent"/>).</item>
/// <item>Self-attention over L positions of width E: the projections as linear layers, <c>4 * L * L * E</c> for scores and
/// weighted sum, 4 per score for scaling and softmax.</item>
/// </list>
/// Modules of ours implement <see cref="IFlopCounted"/>; the common TorchSharp layers are counted here from their settings.
/// </remarks>
public static class FlopCounter
{
    /// <summary>The FLOPs of one forward pass of <paramref name="module"/> over one sample of <paramref name="inputShape"/>.</summary>
    /// <exception cref="NotSupportedException">The network holds a layer this counter does not know.</exception>
    public static long Count(nn.Module module, params long[] inputShape) => Walk(module, inputShape).Flops;

    /// <summary>The FLOPs and output shape of one module for one sample of <paramref name="inputShape"/>.</summary>
    /// <exception cref="NotSupportedException">The module (or one inside it) is of a kind this counter does not know.</exception>
    public static FlopCount Walk(nn.Module module, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inputShape);
        return module switch
        {
            IFlopCounted own => own.CountFlops(inputShape),
            Sequential sequential => Chain(sequential.children(), inputShape),
            Conv1d conv => Convolution(conv.weight, conv.bias is not null, conv.kernel_size, conv.stride, conv.padding ?? [0], conv.dilation, inputShape),
            Conv2d conv => Convolution(conv.weight, conv.bias is not null, conv.kernel_size, conv.stride, conv.padding ?? [0, 0], conv.dilation, inputShape),
            Linear linear => LinearLayer(linear.weight.shape[1], linear.weight.shape[0], linear.bias is not null, inputShape),
            BatchNorm1d or BatchNorm2d => new FlopCount(2 * Elements(inputShape), inputShape),
            LayerNorm => new FlopCount(7 * Elements(inputShape), inputShape),
            ReLU or GELU or Tanh or Sigmoid or SiLU or ELU or LeakyReLU => new FlopCount(Elements(inputShape), inputShape),
            Dropout or Identity => new FlopCount(0, inputShape),
            _ => throw new NotSupportedException($"Cannot count the FLOPs of a {module.GetType().Name} layer."),
        };
    }

    /// <summary>Counts modules applied one after the other.</summary>
    public static FlopCount Chain(IEnumerable<nn.Module> modules, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(modules);
        long flops = 0;
        var shape = inputShape;
        foreach (var module in modules)
        {
            var count = Walk(module, shape);
            flops += count.Flops;
            shape = count.OutputShape;
        }

        return new FlopCount(flops, shape);
    }

    /// <summary>A linear layer over the last dimension of the input: 2 * in * out per position, plus out with a bias.</summary>
    public static FlopCount LinearLayer(long inFeatures, long outFeatures, bool bias, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape[^1] != inFeatures)
        {
            throw new ArgumentException($"A linear layer of {inFeatures} inputs cannot take shape ({string.Join(", ", inputShape)}).", nameof(inputShape));
        }

        var positions = Elements(inputShape) / inFeatures;
        long[] output = [.. inputShape[..^1], outFeatures];
        return new FlopCount(positions * ((2 * inFeatures * outFeatures) + (bias ? outFeatures : 0)), output);
    }

    /// <summary>Pooling with a k x k window (average or max) over (C, H, W): k * k per output element.</summary>
    public static FlopCount Pooling(long kernel, long stride, long padding, bool ceilMode, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        var height = PooledSize(inputShape[1], kernel, stride, padding, ceilMode);
        var width = PooledSize(inputShape[2], kernel, stride, padding, ceilMode);
        long[] output = [inputShape[0], height, width];
        return new FlopCount(kernel * kernel * Elements(output), output);
    }

    /// <summary>
    /// A recurrent layer over (L, I) with H hidden units, per step. LSTM: the four gates' matrix products <c>8H(I+H)</c>, their
    /// two biases and the sum <c>12H</c>, three sigmoids and two tanh <c>5H</c>, the cell and hidden updates <c>4H</c>.
    /// GRU: <c>6H(I+H)</c> products, <c>6H</c> biases, <c>3H</c> sums and the reset product, <c>3H</c> activations, <c>4H</c> update (<c>+1H</c> for 1-z).
    /// </summary>
    public static long Recurrent(bool lstm, long length, long inputs, long hidden) => lstm
        ? length * ((8 * hidden * (inputs + hidden)) + (21 * hidden))
        : length * ((6 * hidden * (inputs + hidden)) + (17 * hidden));

    /// <summary>Number of elements of a shape.</summary>
    public static long Elements(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Aggregate(1L, (product, d) => product * d);
    }

    private static FlopCount Convolution(
        Tensor weight, bool bias, long[] kernel, long[] stride, long[] padding, long[] dilation, long[] inputShape)
    {
        var dims = kernel.Length;
        if (inputShape.Length != dims + 1)
        {
            throw new ArgumentException($"A {dims}-d convolution cannot take shape ({string.Join(", ", inputShape)}).", nameof(inputShape));
        }

        var outChannels = weight.shape[0];
        var inPerGroup = weight.shape[1]; // Cin / groups
        var output = new long[dims + 1];
        output[0] = outChannels;
        for (var d = 0; d < dims; d++)
        {
            var span = (dilation[d] * (kernel[d] - 1)) + 1;
            output[d + 1] = ((inputShape[d + 1] + (2 * padding[d]) - span) / stride[d]) + 1;
        }

        var positions = Elements(output) / outChannels;
        var window = kernel.Aggregate(1L, (product, k) => product * k);
        var flops = (2 * inPerGroup * window * outChannels * positions) + (bias ? outChannels * positions : 0);
        return new FlopCount(flops, output);
    }

    private static long PooledSize(long size, long kernel, long stride, long padding, bool ceilMode)
    {
        var span = size + (2 * padding) - kernel;
        var steps = ceilMode ? (span + stride - 1) / stride : span / stride;
        if (ceilMode && steps * stride >= size + padding)
        {
            steps--; // PyTorch: the last window must start inside the input or its left padding
        }

        return steps + 1;
    }
}

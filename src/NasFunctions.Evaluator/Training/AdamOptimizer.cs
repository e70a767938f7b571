using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Adam (Kingma and Ba, 2015) over a model's parameters, holding every scalar it hands to native code.</summary>
/// <remarks>
/// TorchSharp 0.107's own Adam converts doubles to <see cref="Scalar"/> objects inline; nothing keeps those alive during
/// the native call, so a garbage collection can finalize one mid-call. Under load that surfaced as sporadic
/// "Expected false to be true" errors from <c>addcdiv_</c>. Here the constant scalars live as long as the optimizer and the
/// per-step ones are disposed only after their call returns. The update is the same as torch.optim.Adam without amsgrad.
/// </remarks>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _weightDecay;
    private readonly Scalar _one;
    private readonly bool _decays;
    private long _step;

    public AdamOptimizer(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double weightDecay = 0, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _beta1Scalar = Keep(beta1);
        _beta2Scalar = Keep(beta2);
        _oneMinusBeta1 = Keep(1 - beta1);
        _oneMinusBeta2 = Keep(1 - beta2);
        _epsilon = Keep(epsilon);
        _weightDecay = Keep(weightDecay);
        _one = Keep(1);
        _decays = weightDecay != 0;
    }

    /// <summary>Applies one update from the gradients the last backward pass left on the parameters.</summary>
    public void Step()
    {
        _step++;
        using var stepSize = (-_learningRate / (1 - Math.Pow(_beta1, _step))).ToScalar();
        using var correction = Math.Sqrt(1 - Math.Pow(_beta2, _step)).ToScalar();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var parameter = _parameters[i];
            var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }

            if (_decays)
            {
                grad = grad.add(parameter, alpha: _weightDecay);
            }

            _firstMoments[i].mul_(_beta1Scalar).add_(grad, alpha: _oneMinusBeta1);
            _secondMoments[i].mul_(_beta2Scalar).addcmul_(grad, grad, value: _oneMinusBeta2);
            // add_(Scalar) alone is add_(value, 1) with an unheld alpha: pass a held one.
            var denominator = _secondMoments[i].sqrt().div_(correction).add_(_epsilon, _one);
            parameter.addcdiv_(_firstMoments[i], denominator, value: stepSize);
        }

        GC.KeepAlive(this);
    }

    /// <summary>The step count and every parameter's two moments, as bytes (for a checkpoint).</summary>
    public byte[] SaveState()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_step);
            writer.Write(_parameters.Length);
            foreach (var moment in _firstMoments.Concat(_secondMoments))
            {
                using var host = moment.detach().cpu();
                var values = host.data<float>().ToArray();
                writer.Write(values.Length);
                writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the step count and moments with those <see cref="SaveState"/> wrote for the same network.</summary>
    /// <exception cref="InvalidDataException">The state is damaged or belongs to a network of other shapes.</exception>
    public void LoadState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(state, writable: false), Encoding.UTF8);
            var step = reader.ReadInt64();
            if (reader.ReadInt32() != _parameters.Length)
            {
                throw new InvalidDataException("The optimizer state is for a network with another number of parameters.");
            }

            using var noGrad = no_grad();
            foreach (var moment in _firstMoments.Concat(_secondMoments))
            {
                var count = reader.ReadInt32();
                if (count != moment.numel())
                {
                    throw new InvalidDataException($"The optimizer state holds {count} values for a parameter of {moment.numel()}.");
                }

                var values = new float[count];
                var bytes = reader.ReadBytes(count * sizeof(float));
                if (bytes.Length != count * sizeof(float))
                {
                    throw new EndOfStreamException();
                }

                bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
                using var source = tensor(values, moment.shape);
                moment.copy_(source);
            }

            _step = step;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The optimizer state is truncated.", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }

        foreach (var scalar in new[] { _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon, _weightDecay, _one })
        {
            scalar.Dispose();
        }
    }

    private static Scalar Keep(double value) => value.ToScalar();
}

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
/// With master weights (for bfloat16 training) it keeps a float32 copy of every parameter, updates that copy from the
/// float32-cast gradient, and writes it back into the low-precision parameter, so small updates are not rounded away.
/// </remarks>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly Tensor[]? _masters;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _weightDecay;
    private readonly Scalar _one;
    private readonly bool _decays;
    private long _step;

    public AdamOptimizer(
        IEnumerable<TorchSharp.Modules.Parameter> parameters,
        double learningRate,
        double weightDecay = 0,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        bool masterWeights = false)
    {
        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _masters = masterWeights ? _parameters.Select(p => p.detach().to(ScalarType.Float32).clone().DetachFromDisposeScope()).ToArray() : null;
        var shapes = _masters ?? _parameters.Select(p => (Tensor)p).ToArray();
        _firstMoments = shapes.Select(p => zeros_like(p, dtype: ScalarType.Float32).DetachFromDisposeScope()).ToArray();
        _secondMoments = shapes.Select(p => zeros_like(p, dtype: ScalarType.Float32).DetachFromDisposeScope()).ToArray();
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

            Tensor target = parameter;
            if (_masters is not null)
            {
                grad = grad.to(ScalarType.Float32);
                target = _masters[i];
            }

            if (_decays)
            {
                grad = grad.add(target, alpha: _weightDecay);
            }

            _firstMoments[i].mul_(_beta1Scalar).add_(grad, alpha: _oneMinusBeta1);
            _secondMoments[i].mul_(_beta2Scalar).addcmul_(grad, grad, value: _oneMinusBeta2);
            // add_(Scalar) alone is add_(value, 1) with an unheld alpha: pass a held one.
            var denominator = _secondMoments[i].sqrt().div_(correction).add_(_epsilon, _one);
            target.addcdiv_(_firstMoments[i], denominator, value: stepSize);
            if (_masters is not null)
            {
                parameter.copy_(target);
            }
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
            writer.Write(_masters is not null);
            foreach (var moment in State())
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

            if (reader.ReadBoolean() != _masters is not null)
            {
                throw new InvalidDataException("The optimizer state was written at another precision (with or without float32 master weights).");
            }

            using var noGrad = no_grad();
            foreach (var moment in State())
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
            CopyMastersInto(_parameters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The optimizer state is truncated.", e);
        }
    }

    /// <summary>Copies the float32 master weights into <paramref name="parameters"/> (the same network's, in order); nothing without master weights.</summary>
    public void CopyMastersInto(IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (_masters is null)
        {
            return;
        }

        using var noGrad = no_grad();
        var targets = parameters.Where(p => p.requires_grad).ToArray();
        if (targets.Length != _masters.Length)
        {
            throw new ArgumentException($"The network has {targets.Length} trainable parameters, the optimizer {_masters.Length}.", nameof(parameters));
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i].copy_(_masters[i]);
        }
    }

    /// <summary>The tensors a checkpoint holds: the master weights (when kept), then both moments.</summary>
    private IEnumerable<Tensor> State() => (_masters ?? []).Concat(_firstMoments).Concat(_secondMoments);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var moment in State())
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

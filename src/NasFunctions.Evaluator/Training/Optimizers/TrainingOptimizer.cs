using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Optimizers;

/// <summary>A first-order optimizer over a model's trainable parameters: the step loop, weight-decay groups, master weights and saved state shared by every rule.</summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107 converts doubles to <see cref="Scalar"/> objects inline and nothing keeps those alive during the native
/// call, so a garbage collection can finalize one mid-call (seen as sporadic "Expected false to be true" errors from
/// <c>addcdiv_</c>). So every scalar a rule hands to native code is held: the constant ones for the optimizer's life
/// (<see cref="Keep"/>), the per-step ones until the step's loop returns (<see cref="PerStep"/>).
/// </para>
/// <para>
/// Weight decay goes to the matrices and kernels only: a parameter of one dimension or fewer (biases, batch-norm and
/// layer-norm scales and shifts) or named <c>*.bias</c> is never decayed (<see cref="Decays"/>). With master weights (for
/// bfloat16 training) the optimizer keeps a float32 copy of every parameter, updates that copy from the float32-cast
/// gradient and writes it back into the low-precision parameter, so small updates are not rounded away.
/// </para>
/// <para>
/// The learning rate is the optimizer's <see cref="LearningRate"/> at the moment of each <see cref="Step"/>: a schedule sets
/// it before each step. <see cref="Steps"/> counts the updates made, and travels in the saved state.
/// </para>
/// </remarks>
internal abstract class TrainingOptimizer : IDisposable
{
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly bool[] _decays;
    private readonly Tensor[]? _masters;
    private readonly List<Scalar> _held = [];
    private readonly List<Scalar> _perStep = [];
    private long _step;

    /// <summary>Takes the trainable parameters (name and tensor, in the model's order) and marks which ones decay.</summary>
    private protected TrainingOptimizer(IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters, double learningRate, bool masterWeights)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var trainable = parameters.Where(p => p.Parameter.requires_grad).ToArray();
        _parameters = [.. trainable.Select(p => p.Parameter)];
        _decays = [.. trainable.Select(p => Decays(p.Name, p.Parameter))];
        _masters = masterWeights ? [.. _parameters.Select(p => p.detach().to(ScalarType.Float32).clone().DetachFromDisposeScope())] : null;
        LearningRate = learningRate;
    }

    /// <summary>The learning rate the next <see cref="Step"/> uses.</summary>
    public double LearningRate { get; set; }

    /// <summary>Updates made so far (restored with the state).</summary>
    public long Steps => _step;

    /// <summary>The tensors each update changes (the float32 masters when kept, else the parameters), in order.</summary>
    private protected IReadOnlyList<Tensor> Targets => _masters ?? [.. _parameters.Select(p => (Tensor)p)];

    /// <summary>True when weight decay applies to a parameter: more than one dimension and not a bias.</summary>
    public static bool Decays(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.dim() > 1 && !name.EndsWith(".bias", StringComparison.Ordinal) && name != "bias";
    }

    /// <summary>Applies one update from the gradients the last backward pass left on the parameters, at <see cref="LearningRate"/>.</summary>
    public void Step()
    {
        _step++;
        try
        {
            BeginStep(_step, LearningRate);
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

                Update(i, target, grad, _decays[i]);
                if (_masters is not null)
                {
                    parameter.copy_(target);
                }
            }
        }
        finally
        {
            foreach (var scalar in _perStep)
            {
                scalar.Dispose();
            }

            _perStep.Clear();
            GC.KeepAlive(this);
        }
    }

    /// <summary>Makes the scalars of step number <paramref name="step"/> (1 for the first), with <see cref="PerStep"/>.</summary>
    private protected abstract void BeginStep(long step, double learningRate);

    /// <summary>Updates one parameter (or its master copy) in place from its gradient (float32 with master weights).</summary>
    private protected abstract void Update(int index, Tensor target, Tensor grad, bool decays);

    /// <summary>The rule's state tensors (moments, momentum buffers), float32, in a fixed order.</summary>
    private protected abstract IEnumerable<Tensor> Buffers();

    /// <summary>A float32 tensor of zeros shaped like each target, kept out of any dispose scope: a rule's buffer.</summary>
    private protected Tensor[] ZerosLikeTargets() =>
        [.. Targets.Select(p => zeros_like(p, dtype: ScalarType.Float32).DetachFromDisposeScope())];

    /// <summary>A scalar held for the optimizer's life.</summary>
    private protected Scalar Keep(double value)
    {
        var scalar = value.ToScalar();
        _held.Add(scalar);
        return scalar;
    }

    /// <summary>A scalar held until the current step returns.</summary>
    private protected Scalar PerStep(double value)
    {
        var scalar = value.ToScalar();
        _perStep.Add(scalar);
        return scalar;
    }

    /// <summary>The step count and every state tensor, as bytes (for a checkpoint).</summary>
    /// <remarks>The layout (step, parameter count, master flag, then each tensor's length and float32 values) is the one Adam's checkpoints have always had.</remarks>
    public byte[] SaveState()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_step);
            writer.Write(_parameters.Length);
            writer.Write(_masters is not null);
            foreach (var tensor in State())
            {
                using var host = tensor.detach().cpu();
                var values = host.data<float>().ToArray();
                writer.Write(values.Length);
                writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the step count and state with those <see cref="SaveState"/> wrote for the same network and rule.</summary>
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
            foreach (var buffer in State())
            {
                var count = reader.ReadInt32();
                if (count != buffer.numel())
                {
                    throw new InvalidDataException($"The optimizer state holds {count} values for a parameter of {buffer.numel()}.");
                }

                var values = new float[count];
                var bytes = reader.ReadBytes(count * sizeof(float));
                if (bytes.Length != count * sizeof(float))
                {
                    throw new EndOfStreamException();
                }

                bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
                using var source = tensor(values, buffer.shape);
                buffer.copy_(source);
            }

            if (reader.BaseStream.Position != state.Length)
            {
                throw new InvalidDataException("The optimizer state has trailing bytes (it was written by another optimizer).");
            }

            _step = step;
            CopyMastersInto(_parameters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The optimizer state is truncated (it may have been written by another optimizer).", e);
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

    /// <summary>The tensors a checkpoint holds: the master weights (when kept), then the rule's buffers.</summary>
    private IEnumerable<Tensor> State() => (_masters ?? []).Concat(Buffers());

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in State())
        {
            tensor.Dispose();
        }

        foreach (var scalar in _held)
        {
            scalar.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

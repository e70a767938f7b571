using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Optimizers;

/// <summary>Stochastic gradient descent with momentum, optionally Nesterov's, and L2 weight decay: torch.optim.SGD without dampening.</summary>
/// <remarks>
/// Per decaying parameter (<see cref="TrainingOptimizer.Decays"/>) the gradient g gets <c>weightDecay * p</c> added; then
/// the buffer b becomes <c>momentum * b + g</c> (it starts at zero, so the first b is g, as in torch), and the parameter
/// moves by <c>-lr * (g + momentum * b)</c> with Nesterov or <c>-lr * b</c> without.
/// </remarks>
internal sealed class SgdOptimizer : TrainingOptimizer
{
    private readonly double _weightDecay;
    private readonly bool _nesterov;
    private readonly Tensor[] _buffers;
    private readonly Scalar _momentum;
    private readonly Scalar _weightDecayScalar;
    private readonly Scalar _one;
    private Scalar? _negativeRate;

    /// <summary>SGD over named parameters (<c>named_parameters()</c>).</summary>
    public SgdOptimizer(
        IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters,
        double learningRate,
        double momentum,
        bool nesterov,
        double weightDecay,
        bool masterWeights)
        : base(parameters, learningRate, masterWeights)
    {
        _weightDecay = weightDecay;
        _nesterov = nesterov;
        _buffers = ZerosLikeTargets();
        _momentum = Keep(momentum);
        _weightDecayScalar = Keep(weightDecay);
        _one = Keep(1);
    }

    /// <inheritdoc />
    private protected override void BeginStep(long step, double learningRate) => _negativeRate = PerStep(-learningRate);

    /// <inheritdoc />
    private protected override void Update(int index, Tensor target, Tensor grad, bool decays)
    {
        if (decays && _weightDecay != 0)
        {
            grad = grad.add(target, alpha: _weightDecayScalar);
        }

        var buffer = _buffers[index].mul_(_momentum).add_(grad, alpha: _one);
        var direction = _nesterov ? grad.add(buffer, alpha: _momentum) : buffer;
        target.add_(direction, alpha: _negativeRate!);
    }

    /// <inheritdoc />
    private protected override IEnumerable<Tensor> Buffers() => _buffers;
}

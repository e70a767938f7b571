using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Optimizers;

/// <summary>Adam (Kingma and Ba, 2015) with L2 weight decay, or AdamW (Loshchilov and Hutter, 2019) with decoupled weight decay.</summary>
/// <remarks>
/// The update is torch.optim.Adam's without amsgrad (and, when decoupled, torch.optim.AdamW's): with decoupled decay the
/// parameter first shrinks by <c>1 - lr * weightDecay</c>, and the gradient is left alone; with L2 decay
/// <c>weightDecay * parameter</c> is added to the gradient. Either goes to decaying parameters only
/// (<see cref="TrainingOptimizer.Decays"/>).
/// </remarks>
internal sealed class AdamOptimizer : TrainingOptimizer
{
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _weightDecay;
    private readonly bool _decoupled;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _weightDecayScalar;
    private readonly Scalar _one;
    private Scalar? _stepSize;
    private Scalar? _correction;
    private Scalar? _shrink;

    /// <summary>Adam over a model's parameters (every trainable one; none named, so biases are known by shape only).</summary>
    public AdamOptimizer(
        IEnumerable<TorchSharp.Modules.Parameter> parameters,
        double learningRate,
        double weightDecay = 0,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        bool masterWeights = false,
        bool decoupledWeightDecay = false)
        : this(parameters.Select((p, i) => ($"{i}", p)), learningRate, weightDecay, beta1, beta2, epsilon, masterWeights, decoupledWeightDecay)
    {
    }

    /// <summary>Adam over named parameters (<c>named_parameters()</c>), so biases are known by name too.</summary>
    public AdamOptimizer(
        IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters,
        double learningRate,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        bool masterWeights,
        bool decoupledWeightDecay)
        : base(parameters, learningRate, masterWeights)
    {
        _beta1 = beta1;
        _beta2 = beta2;
        _weightDecay = weightDecay;
        _decoupled = decoupledWeightDecay;
        _firstMoments = ZerosLikeTargets();
        _secondMoments = ZerosLikeTargets();
        _beta1Scalar = Keep(beta1);
        _beta2Scalar = Keep(beta2);
        _oneMinusBeta1 = Keep(1 - beta1);
        _oneMinusBeta2 = Keep(1 - beta2);
        _epsilon = Keep(epsilon);
        _weightDecayScalar = Keep(weightDecay);
        _one = Keep(1);
    }

    /// <inheritdoc />
    private protected override void BeginStep(long step, double learningRate)
    {
        _stepSize = PerStep(-learningRate / (1 - Math.Pow(_beta1, step)));
        _correction = PerStep(Math.Sqrt(1 - Math.Pow(_beta2, step)));
        _shrink = PerStep(1 - (learningRate * _weightDecay));
    }

    /// <inheritdoc />
    private protected override void Update(int index, Tensor target, Tensor grad, bool decays)
    {
        if (decays && _weightDecay != 0)
        {
            if (_decoupled)
            {
                target.mul_(_shrink!);
            }
            else
            {
                grad = grad.add(target, alpha: _weightDecayScalar);
            }
        }

        _firstMoments[index].mul_(_beta1Scalar).add_(grad, alpha: _oneMinusBeta1);
        _secondMoments[index].mul_(_beta2Scalar).addcmul_(grad, grad, value: _oneMinusBeta2);
        // add_(Scalar) alone is add_(value, 1) with an unheld alpha: pass a held one.
        var denominator = _secondMoments[index].sqrt().div_(_correction!).add_(_epsilon, _one);
        target.addcdiv_(_firstMoments[index], denominator, value: _stepSize!);
    }

    /// <inheritdoc />
    private protected override IEnumerable<Tensor> Buffers() => _firstMoments.Concat(_secondMoments);
}

using NasFunctions.Evaluator.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Optimizers;

/// <summary>One AdamW step and two SGD-Nesterov steps match the update rules computed by hand, weight decay kept off the bias.</summary>
[Collection(TorchCollection.Name)]
public sealed class OptimizerStepTests
{
    private static readonly float[] Weights = [0.5f, -1.0f, 2.0f, 0.25f];
    private static readonly float[] Bias = [0.3f, -0.7f];
    private static readonly float[] WeightGradient = [0.2f, -0.4f, 0.1f, 3.0f];
    private static readonly float[] BiasGradient = [-0.5f, 0.05f];

    [Fact]
    public void One_adamw_step_shrinks_the_weights_by_lr_times_decay_then_moves_them_by_about_lr()
    {
        const double lr = 0.01, decay = 0.1, eps = 1e-8;
        var (weight, bias) = Parameters();
        using var optimizer = new OptimizerOptions { Name = "adamw" }.Create([("layer.weight", weight), ("layer.bias", bias)], lr, decay, masterWeights: false);

        SetGradients(weight, bias);
        optimizer.Step();

        // Step 1: m = (1 - b1) g, v = (1 - b2) g^2, so the bias-corrected m / sqrt(v) is g / |g|.
        double Adam(double p, double g, bool decays) => (decays ? p * (1 - (lr * decay)) : p) - (lr * g / (Math.Abs(g) + eps));
        Values(weight).ShouldBe(Weights.Select((p, i) => Adam(p, WeightGradient[i], decays: true)).ToArray(), 1e-6);
        Values(bias).ShouldBe(Bias.Select((p, i) => Adam(p, BiasGradient[i], decays: false)).ToArray(), 1e-6);
        optimizer.Steps.ShouldBe(1);
    }

    [Fact]
    public void Two_sgd_nesterov_steps_follow_the_momentum_buffer_with_l2_decay_on_the_weights_only()
    {
        const double lr = 0.1, momentum = 0.9, decay = 0.01;
        var (weight, bias) = Parameters();
        using var optimizer = new OptimizerOptions { Name = "sgd", Momentum = momentum, Nesterov = true }
            .Create([("layer.weight", weight), ("layer.bias", bias)], lr, decay, masterWeights: false);

        double[] Expected(float[] start, float[] gradient, bool decays)
        {
            var result = new double[start.Length];
            for (var i = 0; i < start.Length; i++)
            {
                double p = start[i], buffer = 0;
                for (var step = 0; step < 2; step++)
                {
                    var g = gradient[i] + (decays ? decay * p : 0);
                    buffer = (momentum * buffer) + g;
                    p -= lr * (g + (momentum * buffer));
                }

                result[i] = p;
            }

            return result;
        }

        for (var step = 0; step < 2; step++)
        {
            SetGradients(weight, bias);
            optimizer.Step();
        }

        Values(weight).ShouldBe(Expected(Weights, WeightGradient, decays: true), 1e-5);
        Values(bias).ShouldBe(Expected(Bias, BiasGradient, decays: false), 1e-5);
    }

    [Fact]
    public void Plain_momentum_differs_from_nesterov_and_the_rate_is_read_at_each_step()
    {
        var (w1, b1) = Parameters();
        var (w2, b2) = Parameters();
        using var heavyBall = new OptimizerOptions { Name = "sgd", Nesterov = false }.Create([("w", w1), ("b", b1)], 0.1, 0, false);
        using var nesterov = new OptimizerOptions { Name = "sgd" }.Create([("w", w2), ("b", b2)], 0.1, 0, false);
        SetGradients(w1, b1);
        SetGradients(w2, b2);
        heavyBall.Step();
        nesterov.Step();

        // First step: heavy ball moves by lr * g, Nesterov by lr * (1 + momentum) * g.
        Values(w1).ShouldBe(Weights.Select((p, i) => p - (0.1 * WeightGradient[i])).ToArray(), 1e-6);
        Values(w2).ShouldBe(Weights.Select((p, i) => p - (0.19 * WeightGradient[i])).ToArray(), 1e-6);

        heavyBall.LearningRate = 0;
        var before = Values(w1);
        SetGradients(w1, b1);
        heavyBall.Step();
        Values(w1).ShouldBe(before);
    }

    [Theory]
    [InlineData("layer.weight", new long[] { 4, 3 }, true)]
    [InlineData("conv.weight", new long[] { 8, 1, 3, 3 }, true)]
    [InlineData("layer.bias", new long[] { 4 }, false)]
    [InlineData("norm.weight", new long[] { 4 }, false)]
    [InlineData("attention.bias", new long[] { 2, 4 }, false)]
    public void Weight_decay_goes_to_matrices_and_kernels_only(string name, long[] shape, bool decays)
    {
        using var parameter = zeros(shape);
        TrainingOptimizer.Decays(name, parameter).ShouldBe(decays);
    }

    [Fact]
    public void Another_optimizers_state_does_not_load()
    {
        var (w1, b1) = Parameters();
        using var sgd = new OptimizerOptions { Name = "sgd" }.Create([("w", w1), ("b", b1)], 0.1, 0, false);
        using var adam = new OptimizerOptions { Name = "adam" }.Create([("w", w1), ("b", b1)], 0.1, 0, false);

        Should.Throw<InvalidDataException>(() => adam.LoadState(sgd.SaveState()));
        Should.Throw<InvalidDataException>(() => sgd.LoadState(adam.SaveState()));
    }

    [Fact]
    public void Invalid_options_list_every_problem()
    {
        new OptimizerOptions { Name = "rmsprop", Momentum = 1, Beta1 = -0.1, Epsilon = 0 }.Validate().Count.ShouldBe(4);
        new OptimizerOptions { Name = "sgd", Momentum = 0 }.Validate().ShouldHaveSingleItem().ShouldContain("Nesterov");
        new OptimizerOptions { Name = "sgd", Momentum = 0, Nesterov = false }.Validate().ShouldBeEmpty();
    }

    private static (TorchSharp.Modules.Parameter Weight, TorchSharp.Modules.Parameter Bias) Parameters() =>
        (new TorchSharp.Modules.Parameter(tensor(Weights, [2, 2])), new TorchSharp.Modules.Parameter(tensor(Bias)));

    /// <summary>Leaves the fixed gradients on the parameters through a backward pass of sum(g * p).</summary>
    private static void SetGradients(TorchSharp.Modules.Parameter weight, TorchSharp.Modules.Parameter bias)
    {
        weight.grad?.zero_();
        bias.grad?.zero_();
        using var scope = NewDisposeScope();
        (weight * tensor(WeightGradient, [2, 2])).sum().backward();
        (bias * tensor(BiasGradient)).sum().backward();
    }

    private static double[] Values(Tensor parameter) => [.. parameter.detach().data<float>().ToArray().Select(v => (double)v)];
}

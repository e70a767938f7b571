using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Regularization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Regularization;

/// <summary>Clipping scales the gradients so their global norm is at most the bound, in every training step that asks for it.</summary>
[Collection(TorchCollection.Name)]
public sealed class GradientClippingTests
{
    [Fact]
    public void A_training_step_bounds_the_global_norm_of_the_gradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3));
        var inputs = randn(16, 6) * 50; // large inputs: large gradients
        var labels = randint(0, 3, [16]);
        using var optimizer = new AdamOptimizer(model.parameters(), 1e-6);

        ClassificationTrainer.Step(model, optimizer, inputs, labels);
        var unclipped = GlobalNorm(model.parameters());
        ClassificationTrainer.Step(model, optimizer, inputs, labels, gradientClipNorm: 0.5);
        var clipped = GlobalNorm(model.parameters());

        unclipped.ShouldBeGreaterThan(5, "the test needs gradients far above the bound");
        clipped.ShouldBeLessThanOrEqualTo(0.5 + 1e-5);
        clipped.ShouldBe(0.5, 1e-4, "scaled to the bound, not below it");
    }

    [Fact]
    public void Gradients_within_the_bound_are_left_as_they_are_and_directions_are_kept()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = nn.Linear(4, 2);
        var loss = nn.functional.cross_entropy(model.forward(randn(8, 4) * 20), randint(0, 2, [8]));
        loss.backward();
        var before = model.parameters().Select(p => p.grad!.clone()).ToArray();
        var norm = GlobalNorm(model.parameters());

        GradientClipping.ClipGlobalNorm(model.parameters(), norm * 2).ShouldBe(norm, norm * 1e-5);
        model.parameters().Select(p => p.grad!).Zip(before).ShouldAllBe(pair => pair.First.allclose(pair.Second, 1e-6, 1e-8, false));

        GradientClipping.ClipGlobalNorm(model.parameters(), norm / 4);
        GlobalNorm(model.parameters()).ShouldBe(norm / 4, norm * 1e-4);
        model.parameters().Select(p => p.grad!).Zip(before).ShouldAllBe(pair => pair.First.allclose(pair.Second / 4, 1e-5, 1e-6, false));
        Should.Throw<ArgumentOutOfRangeException>(() => GradientClipping.ClipGlobalNorm(model.parameters(), 0));
    }

    /// <summary>The L2 norm of all gradients as one vector, in double precision.</summary>
    private static double GlobalNorm(IEnumerable<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        return Math.Sqrt(parameters.Sum(p => p.grad!.to(ScalarType.Float64).pow(2).sum().item<double>()));
    }
}

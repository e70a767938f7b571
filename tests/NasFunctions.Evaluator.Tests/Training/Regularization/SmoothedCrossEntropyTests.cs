using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Regularization;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Regularization;

/// <summary>The smoothed loss is the hand-computed mix of the label's and the classes' mean negative log-likelihood, and training steps use it.</summary>
[Collection(TorchCollection.Name)]
public sealed class SmoothedCrossEntropyTests
{
    private static readonly float[,] Logits = { { 2f, 1f, 0.1f, -0.5f }, { 0.5f, 2.5f, -1f, 0f }, { -2f, 0f, 3f, 1f } };
    private static readonly long[] Labels = [0, 2, 2];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.4)]
    public void The_loss_matches_a_hand_computation(double smoothing)
    {
        using var scope = NewDisposeScope();

        double loss = SmoothedCrossEntropy.Loss(tensor(Logits), tensor(Labels), smoothing).item<float>();

        loss.ShouldBe(HandLoss(Logits, Labels, smoothing), 1e-5);
    }

    [Fact]
    public void Smoothing_outside_zero_to_one_is_refused()
    {
        using var scope = NewDisposeScope();
        Should.Throw<ArgumentOutOfRangeException>(() => SmoothedCrossEntropy.Loss(tensor(Logits), tensor(Labels), 1));
        Should.Throw<ArgumentOutOfRangeException>(() => SmoothedCrossEntropy.Loss(tensor(Logits), tensor(Labels), -0.1));
        new TrainingOptions { LabelSmoothing = 1 }.Validate().ShouldContain(e => e.Contains("LabelSmoothing"));
    }

    [Fact]
    public void A_training_step_returns_the_smoothed_loss_of_the_logits_before_its_update()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = nn.Linear(5, 4);
        var inputs = randn(3, 5);
        var labels = tensor(Labels);
        float[,] before;
        using (no_grad())
        {
            var logits = model.forward(inputs).data<float>().ToArray();
            before = new float[3, 4];
            for (var i = 0; i < 12; i++)
            {
                before[i / 4, i % 4] = logits[i];
            }
        }

        using var optimizer = new AdamOptimizer(model.parameters(), 1e-3);
        double loss = ClassificationTrainer.Step(model, optimizer, inputs, labels, labelSmoothing: 0.3).item<float>();

        loss.ShouldBe(HandLoss(before, Labels, 0.3), 1e-5);
        Math.Abs(loss - HandLoss(before, Labels, 0)).ShouldBeGreaterThan(1e-3, "smoothing changes the loss");
    }

    /// <summary>Mean over samples of (1 - ε) * -log p(label) + ε * mean_k -log p(k), with p the softmax of the row.</summary>
    private static double HandLoss(float[,] logits, long[] labels, double smoothing)
    {
        var rows = logits.GetLength(0);
        var classes = logits.GetLength(1);
        double total = 0;
        for (var i = 0; i < rows; i++)
        {
            var max = Enumerable.Range(0, classes).Max(k => (double)logits[i, k]);
            var logSum = max + Math.Log(Enumerable.Range(0, classes).Sum(k => Math.Exp(logits[i, k] - max)));
            var meanNll = Enumerable.Range(0, classes).Average(k => logSum - logits[i, k]);
            total += ((1 - smoothing) * (logSum - logits[i, labels[i]])) + (smoothing * meanNll);
        }

        return total / rows;
    }
}

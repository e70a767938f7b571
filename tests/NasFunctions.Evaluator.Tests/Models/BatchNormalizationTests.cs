using NasFunctions.Evaluator.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Models;

/// <summary>Our batch norm computes what torch's BatchNorm2d does, under the same state names, and counts its batches.</summary>
[Collection(TorchCollection.Name)]
public sealed class BatchNormalizationTests
{
    [Fact]
    public void It_matches_torchs_batch_norm_in_training_and_evaluation_with_the_same_state_names()
    {
        using var ours = new BatchNormalization(3);
        using var theirs = nn.BatchNorm2d(3);
        manual_seed(5);
        using var input = randn(4, 3, 5, 5) * 2 + 1;

        ours.train();
        theirs.train();
        using var trainedOurs = ours.forward(input);
        using var trainedTheirs = theirs.forward(input);
        ours.forward(input).Dispose();

        trainedOurs.allclose(trainedTheirs, rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
        ours.state_dict().Keys.Order().ShouldBe(theirs.state_dict().Keys.Order());
        ours.state_dict()["num_batches_tracked"].item<long>().ShouldBe(2);
        theirs.forward(input).Dispose();
        ours.state_dict()["running_mean"].allclose(theirs.state_dict()["running_mean"], rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
        ours.state_dict()["running_var"].allclose(theirs.state_dict()["running_var"], rtol: 1e-5, atol: 1e-6).ShouldBeTrue();

        ours.eval();
        theirs.eval();
        using var evaluatedOurs = ours.forward(input);
        using var evaluatedTheirs = theirs.forward(input);
        evaluatedOurs.allclose(evaluatedTheirs, rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
        ours.state_dict()["num_batches_tracked"].item<long>().ShouldBe(2, "evaluation counts no batches");
    }
}

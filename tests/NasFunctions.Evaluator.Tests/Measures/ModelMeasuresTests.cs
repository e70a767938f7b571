using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace.Mlp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Measures;

[Collection(TorchCollection.Name)]
public sealed class ModelMeasuresTests
{
    [Fact]
    public void A_model_is_counted_and_timed_at_batch_one_and_sixty_four()
    {
        set_num_threads(1);
        using var model = new MlpModel(new MlpNetwork(4, 3, [new MlpLayer(8, "relu", 0, false)]));

        var measures = ModelMeasures.Of(model, DataShape.Tabular(4, 3), warmups: 1, repeats: 3);

        measures.Parameters.ShouldBe((4 * 8) + 8 + (8 * 3) + 3);
        measures.Flops.ShouldBe(131);
        measures.LatencyMilliseconds.ShouldBeGreaterThan(0);
        measures.LatencyMillisecondsBatch64.ShouldBeGreaterThan(0);
        measures.LatencyMillisecondsBatch64.ShouldBeLessThan(measures.LatencyMilliseconds * 10); // per sample, not per batch
        model.training.ShouldBeFalse();
    }
}

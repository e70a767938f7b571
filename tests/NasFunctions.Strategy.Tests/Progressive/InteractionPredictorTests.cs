using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.Strategy.Progressive;

namespace NasFunctions.Strategy.Tests.Progressive;

public class InteractionPredictorTests
{
    private static readonly NasBench201Space Space = NasBench201Space.Default;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fits_a_linear_function_of_the_choices(int order)
    {
        var random = new Random(42);
        var weights = Space.Decisions.Select(d => d.Choices.Select(_ => random.NextDouble() * 4 - 2).ToArray()).ToArray();
        double Linear(int[] code) => code.Select((value, d) => weights[d][value]).Sum() + 3.0;
        var encoder = new DecisionEncoder(Space.Decisions);
        var features = new InteractionFeatures(encoder.Cardinalities, order);
        var codes = Enumerable.Range(0, 300).Select(_ => encoder.Encode(DecisionSampler.Sample(Space, random))).ToList();
        var train = codes.Take(100).ToList();
        var kernel = InteractionPredictor.SelectKernel(features, train, [.. train.Select(Linear)], PredictorKernel.Grid(order));

        var mean = InteractionPredictor.Fit(features, train, [.. train.Select(features.Active)], [.. train.Select(Linear)], kernel).Mean();

        foreach (var code in codes.Skip(100))
        {
            mean.Score(features.Active(code)).ShouldBe(Linear(code), tolerance: 0.1);
        }
    }

    [Fact]
    public void Draws_scatter_around_the_mean_by_the_temperature()
    {
        var random = new Random(1);
        var encoder = new DecisionEncoder(Space.Decisions);
        var features = new InteractionFeatures(encoder.Cardinalities, 2);
        var codes = Enumerable.Range(0, 20).Select(_ => encoder.Encode(DecisionSampler.Sample(Space, random))).ToList();
        var predictor = InteractionPredictor.Fit(
            features, codes, [.. codes.Select(features.Active)], [.. codes.Select(c => (double)c[0])], PredictorKernel.Grid(2)[4]);
        var unseen = features.Active(encoder.Encode(DecisionSampler.Sample(Space, random)));
        var mean = predictor.Mean().Score(unseen);

        predictor.Draw(new Random(5), 0).Score(unseen).ShouldBe(mean, tolerance: 1e-9);
        var spread = Enumerable.Range(0, 200).Select(i => predictor.Draw(new Random(i), 1).Score(unseen) - mean).ToList();
        Math.Abs(spread.Average()).ShouldBeLessThan(0.2);
        Math.Sqrt(spread.Average(s => s * s)).ShouldBeGreaterThan(0.05);
    }

    [Fact]
    public void Normal_scores_keep_the_order_and_share_ties()
    {
        var scores = NormalScores.FromRanks([10.0, -5.0, 3.0, 3.0, 100.0]);

        scores[1].ShouldBeLessThan(scores[2]);
        scores[2].ShouldBe(scores[3]);
        scores[3].ShouldBeLessThan(scores[0]);
        scores[0].ShouldBeLessThan(scores[4]);
        NormalScores.FromRanks([4.0, 1.0, 2.0, 8.0]).Sum().ShouldBe(0, tolerance: 1e-9);
    }
}

using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.TextEncoder;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Models;

/// <summary>Our dropout computes what torch's does, from the generator it is given, and only in training.</summary>
[Collection(TorchCollection.Name)]
public sealed class SeededDropoutTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void In_training_it_gives_torchs_dropout_of_the_same_draws(double probability)
    {
        using var scope = NewDisposeScope();
        var input = randn(64, 33, generator: new Generator(5));
        using var dropout = new SeededDropout(probability) { Generator = new Generator(42) };
        dropout.train();

        manual_seed(42);
        var expected = nn.functional.dropout(input, probability, training: true);
        var actual = dropout.forward(input);

        actual.data<float>().ToArray().ShouldBe(expected.data<float>().ToArray());
        var zeroed = actual.eq(0).sum().item<long>() / (double)input.numel();
        zeroed.ShouldBe(probability, 0.06);
    }

    [Fact]
    public void Its_draws_come_from_its_generator_not_torchs_default()
    {
        using var scope = NewDisposeScope();
        var input = ones(16, 16);
        using var first = new SeededDropout(0.5) { Generator = new Generator(7) };
        using var second = new SeededDropout(0.5) { Generator = new Generator(7) };

        var a = first.forward(input);
        manual_seed(123); // the default generator moves; ours do not
        rand(100);
        var b = second.forward(input);

        b.data<float>().ToArray().ShouldBe(a.data<float>().ToArray());
        first.forward(input).data<float>().ToArray().ShouldNotBe(a.data<float>().ToArray(), "each call draws a new mask");
    }

    [Fact]
    public void No_network_of_any_space_holds_a_layer_that_draws_from_torchs_default_generator()
    {
        var random = new Random(3);
        var mlp = new MlpSpace(new MlpSpaceOptions { Inputs = 5, Classes = 3, Units = [4], Dropout = [0.1, 0.3] });
        var text = new TextEncoderSpace(new TextEncoderSpaceOptions
        {
            Vocabulary = 40, MaxLength = 10, Classes = 2, Embedding = [8], MinLayers = 3, MaxLayers = 3,
            Layers = [.. TextEncoderVocabulary.Layers], Width = [8], Pooling = [.. TextEncoderVocabulary.Pooling],
        });
        var bench = new NasBench201Space(new NasBench201SpaceOptions { Channels = 4, CellsPerStage = 1 });
        var cases = new (ISearchSpace Space, DataShape Shape)[]
        {
            (MacroCnnSpace.Default, TinyData.Images(1, 16).Shape), (bench, TinyData.Images(1, 16).Shape),
            (mlp, TinyData.Features(5).Shape), (text, TinyData.Tokens(10, 40).Shape),
        };

        foreach (var (space, shape) in cases)
        {
            for (var i = 0; i < 4; i++)
            {
                using var model = ModelFactory.Create(space, DecisionSampler.Sample(space, random), shape);
                model.modules().ShouldNotContain(m => m.GetType().Namespace == "TorchSharp.Modules" && m.GetType().Name.Contains("Dropout"));
                if (space == mlp)
                {
                    model.modules().OfType<SeededDropout>().ShouldNotBeEmpty();
                }
            }
        }
    }

    [Fact]
    public void In_eval_mode_and_at_zero_it_is_the_identity_and_counts_no_flops()
    {
        using var scope = NewDisposeScope();
        var input = randn(4, 8);
        using var dropout = new SeededDropout(0.5) { Generator = new Generator(1) };
        dropout.eval();
        dropout.forward(input).data<float>().ToArray().ShouldBe(input.data<float>().ToArray());
        using var none = new SeededDropout(0);
        none.forward(input).data<float>().ToArray().ShouldBe(input.data<float>().ToArray());
        FlopCounter.Count(dropout, 8).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => new SeededDropout(1));
    }
}

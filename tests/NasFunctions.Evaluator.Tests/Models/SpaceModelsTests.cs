using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.TextEncoder;

namespace NasFunctions.Evaluator.Tests.Models;

/// <summary>Every built-in space's networks build, take one training step and get measured.</summary>
[Collection(TorchCollection.Name)]
public sealed class SpaceModelsTests
{
    private static readonly NasBench201Space SmallBench = new(new NasBench201SpaceOptions { Channels = 4, CellsPerStage = 1 });

    private static readonly MlpSpace Mlp = new(new MlpSpaceOptions
    {
        Inputs = 5, Classes = 3, MinLayers = 1, MaxLayers = MlpSpaceOptions.MostLayers, Units = [4, 8],
        Activations = [.. MlpActivations.All], Dropout = [0, 0.2], BatchNorm = [false, true],
    });

    private static readonly TextEncoderSpace Text = new(new TextEncoderSpaceOptions
    {
        Vocabulary = 40, MaxLength = 10, Classes = 2, Embedding = [8], MinLayers = 1, MaxLayers = 3,
        Layers = [.. TextEncoderVocabulary.Layers], Width = [8, 32], Pooling = [.. TextEncoderVocabulary.Pooling],
    });

    public static TheoryData<string> Nb201Cells => new()
    {
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
        "|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|",
    };

    [Theory]
    [MemberData(nameof(Nb201Cells))]
    public void Nas_bench_201_cells_train_on_colour_and_grey_images(string cell)
    {
        var architecture = SmallBench.Parse(cell);

        Step(SmallBench, architecture, TinyData.Images(3, 32));
        Step(SmallBench, architecture, TinyData.Images(1, 28)); // the stem takes the data's channels
    }

    [Fact]
    public void Sampled_architectures_of_every_space_train_one_step()
    {
        var random = new Random(7);
        var images = TinyData.Images(1, 16);
        for (var i = 0; i < 3; i++)
        {
            Step(MacroCnnSpace.Default, MacroCnnSpace.Default.Sample(random), images);
            Step(SmallBench, SmallBench.Sample(random), images);
            Step(Mlp, Mlp.Sample(random), TinyData.Features(5));
            Step(Text, Text.Sample(random), TinyData.Tokens(10, 40));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(MlpSpaceOptions.MostLayers)]
    public void Mlps_of_one_and_of_the_most_layers_train(int layers)
    {
        var choices = Defaults(Mlp);
        choices["layers.count"] = layers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < layers; i++)
        {
            choices[MlpSpace.LayerLabel(i, "batchNorm")] = i % 2 == 0 ? "true" : "false";
            choices[MlpSpace.LayerLabel(i, "activation")] = MlpActivations.All[i % MlpActivations.All.Count];
        }

        var architecture = Mlp.Create(choices);
        Mlp.Decode(architecture).Layers.Count.ShouldBe(layers);
        Step(Mlp, architecture, TinyData.Features(5));
    }

    [Theory]
    [InlineData("lstm", "last")]
    [InlineData("gru", "mean")]
    [InlineData("attention", "max")]
    [InlineData("conv7", "mean")]
    public void Text_encoders_with_recurrent_attention_and_convolution_layers_train(string op, string pooling)
    {
        var choices = Defaults(Text);
        choices["layers.count"] = "2";
        choices[TextEncoderSpace.LayerLabel(0, "op")] = op;
        choices[TextEncoderSpace.LayerLabel(0, "width")] = "32"; // 4 attention heads
        choices[TextEncoderSpace.LayerLabel(1, "op")] = op;
        choices[TextEncoderSpace.LayerLabel(1, "width")] = "8"; // one head, and a projection from 32
        choices["pooling"] = pooling;

        Step(Text, Text.Create(choices), TinyData.Tokens(10, 40));
    }

    [Fact]
    public void A_space_given_the_wrong_kind_of_data_is_refused()
    {
        Should.Throw<ArgumentException>(() => ModelFactory.Create(Mlp, Mlp.Sample(new Random(1)), TinyData.Images(1, 8).Shape))
            .Message.ShouldContain("mlp");
        Should.Throw<ArgumentException>(() => ModelFactory.Create(SmallBench, SmallBench.Sample(new Random(1)), TinyData.Tokens(5, 9).Shape));
        ModelFactory.InputOf(Text).ShouldBe(ModelInput.Tokens);
    }

    private static void Step(ISearchSpace space, Architecture architecture, TrainingData data)
    {
        var result = ClassificationTrainer.Train(space, architecture, data, 1, 1, 3, TinyData.OneStep);

        result.TrainSamples.ShouldBe(8);
        double.IsFinite(result.ValidationLoss).ShouldBeTrue(architecture.Canonical);
        result.Weights.ShouldNotBeEmpty();
        result.Measures.Parameters.ShouldBeGreaterThan(0);
        result.Measures.Flops.ShouldBeGreaterThan(0);
        result.Measures.LatencyMilliseconds.ShouldBeGreaterThan(0);
        result.Measures.LatencyMillisecondsBatch64.ShouldBeGreaterThan(0);
    }

    private static Dictionary<string, string> Defaults(ISearchSpace space) =>
        space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0]);
}

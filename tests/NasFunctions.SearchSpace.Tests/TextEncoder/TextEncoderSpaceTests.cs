using System.Text.Json;
using NasFunctions.SearchSpace.TextEncoder;

namespace NasFunctions.SearchSpace.Tests.TextEncoder;

public class TextEncoderSpaceTests
{
    private const string Spec = """
        { "kind": "text-encoder", "vocabulary": 20000, "maxLength": 256, "classes": 2, "embedding": [32, 64, 128], "minLayers": 1,
          "maxLayers": 3, "layers": ["conv3", "conv5", "lstm", "attention"], "width": [32, 64, 128], "pooling": ["mean", "max", "last"] }
        """;

    private static TextEncoderSpace Read(string json)
    {
        var errors = new List<SpecError>();
        var space = TextEncoderSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);
        errors.ShouldBeEmpty();
        return space.ShouldNotBeNull();
    }

    private static List<SpecError> Errors(string json)
    {
        var errors = new List<SpecError>();
        TextEncoderSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors).ShouldBeNull();
        return errors;
    }

    [Fact]
    public void Asks_embedding_then_layers_then_pooling()
    {
        var space = Read(Spec);

        space.Kind.ShouldBe("text-encoder");
        space.Decisions.Select(d => d.Label).ShouldBe(
        [
            "embedding", "layers.count", "layers.0.op", "layers.0.width", "layers.1.op", "layers.1.width", "layers.2.op", "layers.2.width", "pooling",
        ]);
        space.Decisions[1].Choices.ShouldBe(["1", "2", "3"]);
        space.Decisions[2].Choices.ShouldBe(["conv3", "conv5", "lstm", "attention"]);
        space.Decisions[8].Choices.ShouldBe(["mean", "max", "last"]);
        TextEncoderSpace.LayerLabel(2, "op").ShouldBe("layers.2.op");
        const long layer = 4 * 3;
        space.Size.ShouldBe(3 * 3 * (layer + (layer * layer) + (layer * layer * layer)));
    }

    [Fact]
    public void Decodes_a_typed_network()
    {
        var space = Read(Spec);

        var network = space.Decode(space.Parse("embedding=64;layers=[op=conv3,width=64|op=lstm,width=32];pooling=max"));

        (network.Vocabulary, network.MaxLength, network.Classes, network.Embedding, network.Pooling).ShouldBe((20000, 256, 2, 64, "max"));
        network.Layers.ShouldBe([new TextEncoderLayer("conv3", 64), new TextEncoderLayer("lstm", 32)]);
    }

    [Fact]
    public void Sampled_networks_round_trip_with_unused_layers_reset()
    {
        var space = Read(Spec);
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var architecture = space.Sample(random);
            var parsed = space.Parse(architecture.Canonical);
            parsed.Choices.ShouldBe(architecture.Choices, ignoreOrder: true);
            var count = int.Parse(architecture.Choices["layers.count"]);
            for (var layer = count; layer < 3; layer++)
            {
                architecture.Choices[TextEncoderSpace.LayerLabel(layer, "op")].ShouldBe("conv3");
                architecture.Choices[TextEncoderSpace.LayerLabel(layer, "width")].ShouldBe("32");
            }

            architecture.Canonical.Split('|').Length.ShouldBe(count);
        }
    }

    [Fact]
    public void Rejects_a_string_of_another_shape()
    {
        var space = Read(Spec);

        Should.Throw<FormatException>(() => space.Parse("embedding=48;layers=[op=gru,width=64];pooling=mean")).Message.ShouldBe(
            "'embedding=48;layers=[op=gru,width=64];pooling=mean' is not an architecture of this text-encoder space: "
            + "embedding: '48' is not one of 32, 64, 128; layers[0].op: 'gru' is not one of conv3, conv5, lstm, attention");
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        Errors("""
            { "kind": "text-encoder", "vocabulary": 1, "classes": 2, "embedding": [], "minLayers": 0, "layers": ["conv3", "transformer", "conv3"],
              "width": [-4], "pooling": ["sum"], "heads": 4 }
            """).ShouldBe(
        [
            new("$.space.maxLength", "is required"),
            new("$.space.heads", "is not a known field (known: classes, embedding, kind, layers, maxLayers, maxLength, minLayers, pooling, vocabulary, width)"),
            new("$.space.vocabulary", "must be at least 2, not 1"),
            new("$.space.embedding", "must list at least one value"),
            new("$.space.minLayers", "must be from 1 to 12, not 0"),
            new("$.space.layers[1]", "unknown layer 'transformer'; known: conv3, conv5, conv7, lstm, gru, attention"),
            new("$.space.layers[2]", "repeats conv3"),
            new("$.space.width[0]", "must be positive, not -4"),
            new("$.space.pooling[0]", "unknown pooling 'sum'; known: mean, max, last"),
        ]);
    }
}

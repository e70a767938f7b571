using System.Text.Json;
using NasFunctions.SearchSpace.Mlp;

namespace NasFunctions.SearchSpace.Tests.Mlp;

public class MlpSpaceTests
{
    private static MlpSpace Read(string json)
    {
        var errors = new List<SpecError>();
        var space = MlpSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);
        errors.ShouldBeEmpty();
        return space.ShouldNotBeNull();
    }

    private static List<SpecError> Errors(string json)
    {
        var errors = new List<SpecError>();
        MlpSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors).ShouldBeNull();
        return errors;
    }

    [Fact]
    public void Takes_the_defaults_and_asks_one_decision_per_layer_field()
    {
        var space = Read("""{ "kind": "mlp", "inputs": 20, "classes": 3 }""");

        space.Kind.ShouldBe("mlp");
        var o = space.Options;
        (o.Inputs, o.Classes, o.MinLayers, o.MaxLayers).ShouldBe((20, 3, 1, 4));
        space.Decisions.Count.ShouldBe(1 + (4 * 4));
        space.Decisions.Take(5).Select(d => d.Label).ShouldBe(["layers.count", "layers.0.units", "layers.0.activation", "layers.0.dropout", "layers.0.batchNorm"]);
        space.Decisions[1].Choices.ShouldBe(["32", "64", "128", "256"]);
        space.Decisions[2].Choices.ShouldBe(["relu", "gelu", "tanh"]);
        space.Decisions[3].Choices.ShouldBe(["0", "0.1", "0.3"]);
        space.Decisions[4].Choices.ShouldBe(["false", "true"]);
        MlpSpace.LayerLabel(3, "units").ShouldBe("layers.3.units");
        const long layer = 4 * 3 * 3 * 2;
        space.Size.ShouldBe(layer + (layer * layer) + (layer * layer * layer) + (layer * layer * layer * layer));
    }

    [Fact]
    public void Decodes_a_typed_network()
    {
        var space = Read("""{ "kind": "mlp", "inputs": 20, "classes": 3 }""");
        var architecture = space.Parse("layers=[units=128,activation=gelu,dropout=0.1,batchNorm=true|units=32,activation=relu,dropout=0,batchNorm=false]");

        var network = space.Decode(architecture);

        (network.Inputs, network.Classes).ShouldBe((20, 3));
        network.Layers.ShouldBe([new MlpLayer(128, "gelu", 0.1, true), new MlpLayer(32, "relu", 0, false)]);
    }

    [Fact]
    public void Enumerates_distinct_round_tripping_networks_and_resets_unused_layers()
    {
        var space = Read("""{ "kind": "mlp", "inputs": 4, "classes": 2, "maxLayers": 2, "units": [8, 16], "activations": ["relu"], "dropout": [0, 0.5] }""");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < DecisionGrid.Count(space.Decisions); i++)
        {
            var architecture = space.Create(DecisionGrid.ChoicesAt(space.Decisions, i));
            var parsed = space.Parse(architecture.Canonical);
            parsed.Choices.ShouldBe(architecture.Choices, ignoreOrder: true);
            space.Decode(parsed).Layers.Count.ShouldBe(int.Parse(architecture.Choices["layers.count"]));
            if (architecture.Choices["layers.count"] == "1")
            {
                architecture.Choices["layers.1.units"].ShouldBe("8");
                architecture.Choices["layers.1.dropout"].ShouldBe("0");
            }

            seen.Add(architecture.Canonical);
        }

        seen.Count.ShouldBe((int)space.Size);
        space.Size.ShouldBe(8 + 64);
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        Errors("""
            { "kind": "mlp", "classes": 1, "minLayers": 5, "maxLayers": 4, "units": [0, 64, 64], "activations": ["relu", "swish"],
              "dropout": [1, -0.1, 0.2], "batchNorm": [], "depth": 2 }
            """).ShouldBe(
        [
            new("$.space.inputs", "is required"),
            new("$.space.depth", "is not a known field (known: activations, batchNorm, classes, dropout, inputs, kind, maxLayers, minLayers, units)"),
            new("$.space.classes", "must be at least 2, not 1"),
            new("$.space.minLayers", "must not exceed maxLayers (4), not 5"),
            new("$.space.units[0]", "must be positive, not 0"),
            new("$.space.units[2]", "repeats 64"),
            new("$.space.activations[1]", "unknown activation 'swish'; known activations: relu, gelu, tanh, sigmoid, silu, elu, leaky_relu"),
            new("$.space.dropout[0]", "must be from 0 to below 1, not 1"),
            new("$.space.dropout[1]", "must be from 0 to below 1, not -0.1"),
            new("$.space.batchNorm", "must list at least one value"),
        ]);
    }

    [Fact]
    public void Reports_unreadable_values()
    {
        Errors("""{ "kind": "macro-cnn", "inputs": "20", "classes": 2, "units": [32, "64"], "batchNorm": "yes", "maxLayers": 40 }""").ShouldBe(
        [
            new("$.space.kind", "must be 'mlp' here, not 'macro-cnn'"),
            new("$.space.inputs", "must be a whole number, not a string"),
            new("$.space.units[1]", "must be a whole number, not a string"),
            new("$.space.batchNorm", "must be an array, not a string"),
            new("$.space.maxLayers", "must be from 1 to 16, not 40"),
        ]);
        Errors("""{ "kind": "mlp", "inputs": 2, "classes": 2, "maxLayers": 40 }""").ShouldBe(
            [new("$.space.maxLayers", "must be from 1 to 16, not 40")]);
    }

    [Fact]
    public void Options_in_code_are_validated()
    {
        Should.Throw<ArgumentException>(() => new MlpSpace(new MlpSpaceOptions { Inputs = 0 })).Message
            .ShouldBe("invalid mlp space: $.inputs: must be at least 1, not 0 (Parameter 'options')");
        new MlpSpace(new MlpSpaceOptions { Inputs = 5, BatchNorm = [true] }).Decisions[4].Choices.ShouldBe(["true"]);
    }
}

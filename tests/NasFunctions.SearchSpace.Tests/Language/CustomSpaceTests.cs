using System.Text.Json;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace.Tests.Language;

public class CustomSpaceTests
{
    private const string Example = """
        { "kind": "custom",
          "parameters": {
            "optimizer": { "choice": ["adam", "sgd"] },
            "width":     { "int": [16, 128], "step": 16 },
            "lr":        { "float": [1e-4, 1e-1], "log": true, "levels": 7 },
            "layers":    { "repeat": { "min": 1, "max": 4 }, "each": { "op": { "choice": ["conv", "pool"] }, "units": { "int": [8, 64], "step": 8 } } },
            "cell":      { "cell": { "nodes": 3, "operations": ["none", "skip", "conv3x3"] } }
          } }
        """;

    private static CustomSpace Read(string json)
    {
        var errors = new List<SpecError>();
        var space = CustomSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);
        errors.ShouldBeEmpty();
        return space.ShouldNotBeNull();
    }

    [Fact]
    public void Expresses_every_parameter_as_ordered_categorical_decisions()
    {
        var space = Read(Example);

        space.Kind.ShouldBe("custom");
        space.Decisions.Select(d => d.Label).ShouldBe(
        [
            "optimizer", "width", "lr", "layers.count",
            "layers.0.op", "layers.0.units", "layers.1.op", "layers.1.units", "layers.2.op", "layers.2.units", "layers.3.op", "layers.3.units",
            "cell.edge.1.0", "cell.edge.2.0", "cell.edge.2.1",
        ]);
        space.Decisions[0].Choices.ShouldBe(["adam", "sgd"]);
        space.Decisions[1].Choices.ShouldBe(["16", "32", "48", "64", "80", "96", "112", "128"]);
        space.Decisions[2].Choices.ShouldBe(["0.0001", "0.000316228", "0.001", "0.00316228", "0.01", "0.0316228", "0.1"]);
        space.Decisions[3].Choices.ShouldBe(["1", "2", "3", "4"]);
        space.Decisions[5].Choices.ShouldBe(["8", "16", "24", "32", "40", "48", "56", "64"]);
        space.Decisions[14].Choices.ShouldBe(["none", "skip", "conv3x3"]);
        var item = 2L * 8;
        space.Size.ShouldBe(2 * 8 * 7 * (item + (item * item) + (item * item * item) + (item * item * item * item)) * 27);
    }

    [Fact]
    public void Writes_a_readable_canonical_string_without_unused_decisions()
    {
        var space = Read(Example);
        var choices = space.Decisions.ToDictionary(d => d.Label, d => d.Choices[^1]);
        choices["lr"] = "0.001";
        choices["layers.count"] = "2";
        choices["layers.0.op"] = "conv";
        choices["layers.0.units"] = "8";
        choices["layers.1.units"] = "16";
        choices["cell.edge.2.0"] = "none";
        choices["cell.edge.2.1"] = "skip";

        var architecture = space.Create(choices);

        architecture.Canonical.ShouldBe("optimizer=sgd;width=128;lr=0.001;layers=[op=conv,units=8|op=pool,units=16];cell=|conv3x3~0|+|none~0|skip~1|");
        architecture.Choices["layers.2.op"].ShouldBe("conv");
        architecture.Choices["layers.3.units"].ShouldBe("8");
        space.Parse(architecture.Canonical).Choices.ShouldBe(architecture.Choices, ignoreOrder: true);
    }

    [Fact]
    public void Unused_items_do_not_change_the_architecture()
    {
        var space = Read(Example);
        var choices = space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0]);
        var other = new Dictionary<string, string>(choices) { ["layers.3.op"] = "pool", ["layers.1.units"] = "64" };

        space.Create(other).ShouldBe(space.Create(choices));
        space.Create(other).Choices.ShouldBe(space.Create(choices).Choices, ignoreOrder: true);
    }

    [Fact]
    public void Sampled_architectures_round_trip()
    {
        var space = Read(Example);
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var architecture = space.Sample(random);
            var parsed = space.Parse(architecture.Canonical);

            parsed.Canonical.ShouldBe(architecture.Canonical);
            parsed.Choices.ShouldBe(architecture.Choices, ignoreOrder: true);
        }
    }

    [Fact]
    public void Enumerating_every_combination_gives_exactly_size_distinct_architectures()
    {
        var space = Read("""
            { "kind": "custom", "parameters": {
                "act": { "choice": ["relu", "tanh"] },
                "blocks": { "repeat": { "min": 0, "max": 2 }, "each": { "k": { "int": [1, 5], "log": true, "levels": 3 }, "p": { "float": [0, 0.5], "levels": 2 } } },
                "c": { "cell": { "nodes": 3, "operations": ["a", "b"] } } } }
            """);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < DecisionGrid.Count(space.Decisions); i++)
        {
            var architecture = space.Create(DecisionGrid.ChoicesAt(space.Decisions, i));
            space.Parse(architecture.Canonical).ShouldBe(architecture);
            seen.Add(architecture.Canonical);
        }

        space.Decisions[2].Choices.ShouldBe(["1", "2", "5"]);
        space.Decisions[3].Choices.ShouldBe(["0", "0.5"]);
        space.Size.ShouldBe(2 * (1 + 6 + 36) * 8);
        seen.Count.ShouldBe((int)space.Size);
        seen.ShouldContain("act=relu;blocks=[];c=|a~0|+|a~0|a~1|");
    }

    [Fact]
    public void Decodes_typed_values_by_name()
    {
        var space = Read(Example);
        var values = space.Decode(space.Parse("optimizer=adam;width=64;lr=0.01;layers=[op=conv,units=8|op=pool,units=16];cell=|conv3x3~0|+|none~0|skip~1|"));

        values.Names.ShouldBe(["optimizer", "width", "lr", "layers", "cell"]);
        values.String("optimizer").ShouldBe("adam");
        values.Int("width").ShouldBe(64);
        values.Double("lr").ShouldBe(0.01);
        values.Double("width").ShouldBe(64.0);
        var layers = values.Repeat("layers");
        layers.Count.ShouldBe(2);
        (layers[0].String("op"), layers[0].Int("units"), layers[1].String("op"), layers[1].Int("units")).ShouldBe(("conv", 8, "pool", 16));
        var cell = values.Cell("cell");
        cell.Operations.ShouldBe(["conv3x3", "none", "skip"]);
        cell[2, 1].ShouldBe("skip");
        cell.Edges.ShouldBe([(1, 0), (2, 0), (2, 1)]);
        Should.Throw<InvalidCastException>(() => values.Int("optimizer"));
        Should.Throw<KeyNotFoundException>(() => values.String("momentum"));
    }

    [Fact]
    public void Parse_lists_every_problem()
    {
        var space = Read(Example);
        var text = "optimizer=rmsprop;lr=0.5;width=64;layers=[op=conv,units=9|units=8,op=pool|op=conv];depth=3;cell=|conv3x3~0|+|none~0|";

        var error = Should.Throw<FormatException>(() => space.Parse(text));

        error.Message.ShouldBe($"'{text}' is not an architecture of this custom space: "
            + "unknown parameter 'depth' (parameters: optimizer, width, lr, layers, cell); "
            + "parameters must be written in order: optimizer, width, lr, layers, cell; "
            + "optimizer: 'rmsprop' is not one of adam, sgd; "
            + "lr: '0.5' is not one of 0.0001, 0.000316228, 0.001, 0.00316228, 0.01, 0.0316228, 0.1; "
            + "layers[0].units: '9' is not one of 8, 16, 24, 32, 40, 48, 56, 64; "
            + "layers[1]: parameters must be written in order: op, units; "
            + "layers[2]: missing 'units'; "
            + "cell: node 2: has 1 inputs, but it takes one from each of nodes 0 to 1 (2)");
    }

    [Theory]
    [InlineData("", "'' must be written name=value; missing 'optimizer', 'width', 'lr', 'layers', 'cell'")]
    [InlineData("optimizer=adam;optimizer=sgd;width=16;lr=0.1;layers=[];cell=|none~0|+|none~0|none~1|",
        "parameter 'optimizer' is written twice; layers: 0 items, but this space allows 1 to 4")]
    [InlineData("optimizer=adam;width=16;lr=0.1;layers=op=conv,units=8;cell=|none~0|+|none~0|none~1|",
        "layers: 'op=conv,units=8' must be written [item|item|...]")]
    [InlineData("optimizer=adam;width=16;lr=0.1;layers=[op=conv,units=8,units=8|op];cell=|none~0|+|none~0|none~1|",
        "layers[0]: parameter 'units' is written twice; layers[1]: 'op' must be written name=value; layers[1]: missing 'op', 'units'")]
    public void Parse_rejects_malformed_strings(string text, string problems) =>
        Should.Throw<FormatException>(() => Read(Example).Parse(text)).Message.ShouldBe($"'{text}' is not an architecture of this custom space: {problems}");

    [Fact]
    public void Create_rejects_missing_and_disallowed_choices()
    {
        var space = Read(Example);
        var choices = space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0]);
        choices.Remove("width");
        choices["optimizer"] = "rmsprop";

        Should.Throw<ArgumentException>(() => space.Create(choices)).Message
            .ShouldStartWith("decision 'optimizer' is 'rmsprop', not one of adam, sgd; decision 'width' is missing");
    }

    [Fact]
    public void Builds_from_parameters_in_code()
    {
        var space = new CustomSpace(
        [
            new ChoiceParameter("act", ["relu", "gelu"]),
            new IntParameter("units", [32, 64]),
            new FloatParameter("dropout", [0, 0.25]),
            new RepeatParameter("blocks", 1, 2, [new ChoiceParameter("op", ["a", "b"])]),
            new CellParameter("cell", 2, ["x"]),
        ]);

        space.Size.ShouldBe(2 * 2 * 2 * (2 + 4) * 1);
        space.Decode(space.Parse("act=gelu;units=64;dropout=0.25;blocks=[op=b];cell=|x~0|")).Double("dropout").ShouldBe(0.25);
        Should.Throw<ArgumentException>(() => new CustomSpace([new ChoiceParameter("a", ["x"]), new ChoiceParameter("a", ["y"])]));
        Should.Throw<ArgumentException>(() => new CustomSpace([]));
        Should.Throw<ArgumentException>(() => new ChoiceParameter("a.b", ["x"]));
        Should.Throw<ArgumentException>(() => new ChoiceParameter("a", ["x", "x"]));
        Should.Throw<ArgumentException>(() => new ChoiceParameter("a", ["x|y"]));
        Should.Throw<ArgumentException>(() => new ChoiceParameter("a", []));
        Should.Throw<ArgumentException>(() => new RepeatParameter("r", 3, 2, [new ChoiceParameter("a", ["x"])]));
        Should.Throw<ArgumentOutOfRangeException>(() => new CellParameter("c", 1, ["x"]));
    }
}

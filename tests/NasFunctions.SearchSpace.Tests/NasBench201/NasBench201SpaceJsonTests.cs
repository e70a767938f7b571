using System.Text.Json;
using NasFunctions.SearchSpace.NasBench201;

namespace NasFunctions.SearchSpace.Tests.NasBench201;

public class NasBench201SpaceJsonTests
{
    private static NasBench201Space? Read(string json, List<SpecError> errors) =>
        NasBench201Space.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);

    [Fact]
    public void Kind_alone_takes_the_benchmarks_defaults()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "nas-bench-201" }""", errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        var o = space.Options;
        o.Operations.ShouldBe(Enum.GetValues<NasBench201Operation>());
        (o.Channels, o.CellsPerStage, o.InputChannels, o.InputHeight, o.InputWidth, o.Classes).ShouldBe((16, 5, 3, 32, 32, 10));
        space.Size.ShouldBe(15625);
    }

    [Fact]
    public void Reads_every_field()
    {
        var errors = new List<SpecError>();
        var space = Read("""
            { "kind": "nas-bench-201", "operations": ["none", "nor_conv_3x3", "avg_pool_3x3"], "channels": 8, "cellsPerStage": 2,
              "input": [1, 28, 24], "classes": 100 }
            """, errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        var o = space.Options;
        o.Operations.ShouldBe([NasBench201Operation.None, NasBench201Operation.NorConv3x3, NasBench201Operation.AvgPool3x3]);
        (o.Channels, o.CellsPerStage, o.InputChannels, o.InputHeight, o.InputWidth, o.Classes).ShouldBe((8, 2, 1, 28, 24, 100));
        space.Size.ShouldBe(729);
        space.Decisions[5].Choices.ShouldBe(["none", "nor_conv_3x3", "avg_pool_3x3"]);
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        var errors = new List<SpecError> { new("$.earlier", "kept") };
        var space = Read("""
            { "kind": "nas-bench-201", "operations": ["nor_conv_3x3", "skip_connect", "conv", "nor_conv_3x3", 3, "avg_pool_3x3", "avg_pool_3x3"],
              "channels": 0, "cellsPerStage": "5", "input": [3, 0, 32, 1], "classes": 1, "nodes": 5 }
            """, errors);

        space.ShouldBeNull();
        errors.ShouldBe(
        [
            new("$.earlier", "kept"),
            new("$.space.operations[1]", "'skip_connect' is out of order; operations follow the benchmark's order: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3"),
            new("$.space.operations[2]", "unknown operation 'conv'; known operations: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3"),
            new("$.space.operations[3]", "repeats nor_conv_3x3"),
            new("$.space.operations[4]", "must be a string, not a number"),
            new("$.space.operations[6]", "repeats avg_pool_3x3"),
            new("$.space.channels", "must be from 1 to 4096, not 0"),
            new("$.space.cellsPerStage", "must be a whole number, not a string"),
            new("$.space.input", "must be [channels, height, width] (3 numbers), not 4 numbers"),
            new("$.space.input[1]", "must be positive, not 0"),
            new("$.space.classes", "must be from 2 to 2147483647, not 1"),
            new("$.space.nodes", "is not a known field (known: cellsPerStage, channels, classes, input, kind, operations)"),
        ]);
    }

    [Fact]
    public void Empty_operations_and_wrong_types_are_reported()
    {
        var errors = new List<SpecError>();
        Read("""{ "kind": "macro-cnn", "operations": [], "input": "32x32" }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.space.kind", "must be 'nas-bench-201' here, not 'macro-cnn'"),
            new("$.space.operations", "must list at least one operation"),
            new("$.space.input", "must be an array, not a string"),
        ]);
    }

    [Fact]
    public void Options_validate_on_their_own()
    {
        var options = new NasBench201SpaceOptions
        {
            Operations = [NasBench201Operation.NorConv3x3, NasBench201Operation.None],
            Channels = 0,
            InputHeight = -1,
            Classes = 1,
        };

        options.Validate().ShouldBe(
        [
            new("$.operations[1]", "'none' is out of order; operations follow the benchmark's order: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3"),
            new("$.channels", "must be positive, not 0"),
            new("$.input[1]", "must be positive, not -1"),
            new("$.classes", "must be at least 2, not 1"),
        ]);
        Should.Throw<ArgumentException>(() => new NasBench201Space(options));
    }
}

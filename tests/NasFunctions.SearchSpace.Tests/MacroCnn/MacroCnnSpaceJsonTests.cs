using System.Text.Json;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests.MacroCnn;

public class MacroCnnSpaceJsonTests
{
    private static MacroCnnSpace? Read(string json, List<SpecError> errors) =>
        MacroCnnSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);

    [Fact]
    public void Empty_object_takes_every_default()
    {
        var errors = new List<SpecError>();
        var space = Read("{}", errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        var o = space.Options;
        (o.InputChannels, o.InputHeight, o.InputWidth, o.Classes, o.MinBlocks, o.MaxBlocks).ShouldBe((1, 28, 28, 10, 1, 4));
        o.Operations.ShouldBe([MacroOperation.Conv3x3, MacroOperation.Conv5x5, MacroOperation.SepConv3x3, MacroOperation.MaxPool, MacroOperation.AvgPool]);
        o.Channels.ShouldBe([16, 32, 64]);
        o.BatchNorm.ShouldBe([false, true]);
        o.Skip.ShouldBe([false, true]);
        Describe(space.Decisions).ShouldBe(Describe(MacroCnnSpace.Default.Decisions));
    }

    [Fact]
    public void Reads_every_field()
    {
        var errors = new List<SpecError>();
        var space = Read("""
            { "kind": "macro-cnn", "input": [3, 32, 16], "classes": 5, "minBlocks": 2, "maxBlocks": 3,
              "operations": ["sepconv3x3", "avgpool"], "channels": [8, 24], "batchNorm": [true], "skip": [true, false] }
            """, errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        var o = space.Options;
        (o.InputChannels, o.InputHeight, o.InputWidth, o.Classes, o.MinBlocks, o.MaxBlocks).ShouldBe((3, 32, 16, 5, 2, 3));
        o.Operations.ShouldBe([MacroOperation.SepConv3x3, MacroOperation.AvgPool]);
        o.Channels.ShouldBe([8, 24]);
        o.BatchNorm.ShouldBe([true]);
        o.Skip.ShouldBe([true, false]);
        space.Decisions[0].Choices.ShouldBe(["2", "3"]);
        space.Decisions.Select(d => d.Label).ShouldBe(
            ["blocks", "b0.op", "b0.channels", "b0.bn", "b0.skip", "b1.op", "b1.channels", "b1.bn", "b1.skip", "b2.op", "b2.channels", "b2.bn", "b2.skip"]);
        space.Decisions[1].Choices.ShouldBe(["sepconv3x3", "avgpool"]);
        space.Decisions[2].Choices.ShouldBe(["8", "24"]);
        space.Decisions[3].Choices.ShouldBe(["true"]);
        space.Decisions[4].Choices.ShouldBe(["true", "false"]);
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        var errors = new List<SpecError> { new("$.earlier", "kept") };
        var space = Read("""
            { "kind": "macro-cnn", "input": [1, 28], "classes": 1, "minBlocks": 3, "maxBlocks": 2, "depth": 3, "Skip": [true],
              "operations": ["conv3x3", "conv7x7", "conv3x3", 4], "channels": [16, 0, "32", 16, 2.5],
              "batchNorm": [], "skip": [true, "yes", true] }
            """, errors);

        space.ShouldBeNull();
        errors.ShouldBe(
        [
            new("$.earlier", "kept"),
            new("$.space.depth", "unknown field; known fields: kind, input, classes, minBlocks, maxBlocks, operations, channels, batchNorm, skip"),
            new("$.space.Skip", "unknown field; names are case-sensitive, did you mean 'skip'?"),
            new("$.space.operations[1]", "unknown operation 'conv7x7'; known operations: conv3x3, conv5x5, sepconv3x3, maxpool, avgpool"),
            new("$.space.operations[3]", "must be a string, not a number"),
            new("$.space.channels[2]", "must be a whole number, not a string"),
            new("$.space.channels[4]", "must be a whole number from -2147483648 to 2147483647, not 2.5"),
            new("$.space.skip[1]", "must be true or false, not a string"),
            new("$.space.input", "must be [channels, height, width] (3 numbers), not 2 numbers"),
            new("$.space.classes", "must be at least 2, not 1"),
            new("$.space.minBlocks", "must not exceed maxBlocks (2), not 3"),
            new("$.space.operations[2]", "repeats conv3x3"),
            new("$.space.channels[1]", "must be positive, not 0"),
            new("$.space.channels[3]", "repeats 16"),
            new("$.space.batchNorm", "must list at least one value"),
            new("$.space.skip[2]", "repeats true"),
        ]);
    }

    [Fact]
    public void Wrong_types_of_whole_fields_are_each_reported()
    {
        var errors = new List<SpecError>();
        Read("""{ "kind": "mlp", "input": "28x28", "classes": null, "maxBlocks": "4", "channels": 16 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.space.kind", "must be 'macro-cnn' here, not 'mlp'"),
            new("$.space.input", "must be an array, not a string"),
            new("$.space.classes", "must be a whole number, not null"),
            new("$.space.maxBlocks", "must be a whole number, not a string"),
            new("$.space.channels", "must be an array, not a number"),
        ]);
    }

    [Fact]
    public void Not_an_object_is_one_error()
    {
        var errors = new List<SpecError>();
        Read("[1, 2]", errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.space", "must be an object, not an array")]);
    }

    [Theory]
    [InlineData(28, 28, 5, true)]
    [InlineData(28, 28, 6, false)]
    [InlineData(8, 8, 3, true)]
    [InlineData(8, 8, 4, false)]
    [InlineData(32, 4, 5, true)]
    public void Max_blocks_must_fit_the_input(int height, int width, int maxBlocks, bool fits)
    {
        var errors = new List<SpecError>();
        var space = Read($$"""{ "input": [1, {{height}}, {{width}}], "maxBlocks": {{maxBlocks}} }""", errors);

        if (fits)
        {
            space.ShouldNotBeNull();
            errors.ShouldBeEmpty();
        }
        else
        {
            space.ShouldBeNull();
            errors.ShouldBe([new SpecError("$.space.maxBlocks",
                $"must be at most {maxBlocks - 1}: every block halves the resolution and a {height}x{width} input is 1x1 after {maxBlocks - 1}, not {maxBlocks}")]);
        }
    }

    [Fact]
    public void Non_positive_input_sizes_and_block_counts_are_reported()
    {
        var errors = new List<SpecError>();
        Read("""{ "input": [0, 28, -1], "minBlocks": 0, "maxBlocks": 0 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.space.input[0]", "must be positive, not 0"),
            new("$.space.input[2]", "must be positive, not -1"),
            new("$.space.minBlocks", "must be at least 1, not 0"),
            new("$.space.maxBlocks", "must be at least 1, not 0"),
        ]);
    }

    [Theory]
    [InlineData(28, 28, 5)]
    [InlineData(1, 1, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(8, 8, 3)]
    [InlineData(32, 4, 5)]
    public void MaxBlocksFor_counts_ceil_halvings_to_one_pixel(int height, int width, int expected) =>
        MacroCnnSpaceOptions.MaxBlocksFor(height, width).ShouldBe(expected);

    [Fact]
    public void Constructor_rejects_invalid_options_listing_every_problem()
    {
        var options = new MacroCnnSpaceOptions { Classes = 0, Channels = [32, -8], Skip = [] };

        options.Validate("$").ShouldBe(
        [
            new("$.classes", "must be at least 2, not 0"),
            new("$.channels[1]", "must be positive, not -8"),
            new("$.skip", "must list at least one value"),
        ]);
        var thrown = Should.Throw<ArgumentException>(() => new MacroCnnSpace(options));
        thrown.Message.ShouldContain("$.classes: must be at least 2, not 0");
        thrown.Message.ShouldContain("$.skip: must list at least one value");
    }

    [Fact]
    public void Default_options_are_valid() => new MacroCnnSpaceOptions().Validate().ShouldBeEmpty();

    private static List<string> Describe(IReadOnlyList<Decision> decisions) =>
        [.. decisions.Select(d => $"{d.Label}={string.Join(",", d.Choices)}")];
}

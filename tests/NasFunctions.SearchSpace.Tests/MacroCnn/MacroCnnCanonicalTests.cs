using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests.MacroCnn;

public class MacroCnnCanonicalTests
{
    private static readonly MacroCnnSpace Space = MacroCnnSpace.Default;

    private static Dictionary<string, string> FirstChoices(ISearchSpace space) =>
        space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0]);

    [Fact]
    public void Writes_blocks_joined_by_bars_with_flags()
    {
        var choices = FirstChoices(Space);
        choices["blocks"] = "3";
        (choices["b0.op"], choices["b0.channels"], choices["b0.bn"], choices["b0.skip"]) = ("conv3x3", "32", "true", "false");
        choices["b1.op"] = "maxpool";
        (choices["b2.op"], choices["b2.channels"], choices["b2.bn"], choices["b2.skip"]) = ("sepconv3x3", "64", "true", "true");

        Space.Create(choices).Canonical.ShouldBe("conv3x3/32+bn|maxpool|sepconv3x3/64+bn+skip");
    }

    [Fact]
    public void Five_hundred_samples_round_trip()
    {
        var random = new Random(20240601);
        var distinct = new HashSet<string>();
        for (var i = 0; i < 500; i++)
        {
            var sampled = Space.Sample(random);
            var parsed = Space.Parse(sampled.Canonical);

            parsed.ShouldBe(sampled);
            parsed.Canonical.ShouldBe(sampled.Canonical);
            parsed.Choices.OrderBy(p => p.Key).ShouldBe(sampled.Choices.OrderBy(p => p.Key));
            Space.Create(sampled.Choices).Canonical.ShouldBe(sampled.Canonical);
            distinct.Add(sampled.Canonical);
        }

        distinct.Count.ShouldBeGreaterThan(300, "samples should vary");
    }

    [Fact]
    public void Unused_decisions_are_reset_to_their_first_choice()
    {
        var a = FirstChoices(Space);
        a["blocks"] = "2";
        (a["b0.op"], a["b0.channels"], a["b0.bn"], a["b0.skip"]) = ("avgpool", "64", "true", "true");
        (a["b1.op"], a["b1.channels"], a["b1.bn"], a["b1.skip"]) = ("conv5x5", "32", "false", "true");
        var b = new Dictionary<string, string>(a);
        (b["b0.channels"], b["b0.bn"], b["b0.skip"]) = ("32", "false", "false");
        (b["b2.op"], b["b2.channels"], b["b3.bn"], b["b3.skip"]) = ("maxpool", "64", "true", "true");

        var fromA = Space.Create(a);
        var fromB = Space.Create(b);

        fromA.Canonical.ShouldBe("avgpool|conv5x5/32+skip");
        fromB.ShouldBe(fromA);
        fromB.Choices.OrderBy(p => p.Key).ShouldBe(fromA.Choices.OrderBy(p => p.Key));
        (fromA.Choices["b0.channels"], fromA.Choices["b0.bn"], fromA.Choices["b0.skip"]).ShouldBe(("16", "false", "false"));
        (fromA.Choices["b2.op"], fromA.Choices["b2.channels"], fromA.Choices["b3.bn"]).ShouldBe(("conv3x3", "16", "false"));
        fromA.Choices.Count.ShouldBe(Space.Decisions.Count);
    }

    [Fact]
    public void Parse_accepts_flags_in_any_order_and_writes_them_canonically() =>
        Space.Parse("conv3x3/16+skip+bn").Canonical.ShouldBe("conv3x3/16+bn+skip");

    [Fact]
    public void Parse_lists_every_problem()
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions
        {
            MaxBlocks = 2,
            Operations = [MacroOperation.Conv3x3, MacroOperation.MaxPool],
            Channels = [16, 32],
            BatchNorm = [true],
            Skip = [false],
        });

        var thrown = Should.Throw<FormatException>(() => space.Parse("conv9x9/16|avgpool|conv3x3/48+skip"));

        thrown.Message.ShouldBe(
            "'conv9x9/16|avgpool|conv3x3/48+skip' is not an architecture of this macro-cnn space: "
            + "3 blocks, but this space allows 1 to 2; "
            + "b0: unknown operation 'conv9x9' (known: conv3x3, conv5x5, sepconv3x3, maxpool, avgpool); "
            + "b0: batch norm is required in this space (+bn); "
            + "b1: operation 'avgpool' is not in this space (allowed: conv3x3, maxpool); "
            + "b2: channels 48 is not in this space (allowed: 16, 32); "
            + "b2: batch norm is required in this space (+bn); "
            + "b2: skip (+skip) is not allowed in this space");
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("conv3x3", "b0: convolution 'conv3x3' needs its channels, e.g. 'conv3x3/16'")]
    [InlineData("maxpool/16", "b0: pooling block 'maxpool' takes no channels or flags, but is written 'maxpool/16'")]
    [InlineData("maxpool+bn", "b0: pooling block 'maxpool' takes no channels or flags, but is written 'maxpool+bn'")]
    [InlineData("conv3x3/x", "b0: channels 'x' is not a whole number")]
    [InlineData("conv3x3/016", "b0: channels '016' is not a whole number")]
    [InlineData("conv3x3/16+foo", "b0: unknown flag '+foo' (known: +bn, +skip)")]
    [InlineData("conv3x3/16+bn+bn", "b0: flag '+bn' is written twice")]
    [InlineData("maxpool||maxpool", "b1 is empty")]
    [InlineData("maxpool|maxpool|maxpool|maxpool|maxpool", "5 blocks, but this space allows 1 to 4")]
    [InlineData(" maxpool", "b0: unknown operation ' maxpool'")]
    public void Parse_rejects_bad_syntax(string text, string problem) =>
        Should.Throw<FormatException>(() => Space.Parse(text)).Message.ShouldContain(problem);

    [Fact]
    public void Create_lists_missing_unknown_and_disallowed_decisions()
    {
        var choices = FirstChoices(Space);
        choices.Remove("b1.op");
        choices["b0.channels"] = "48";
        choices["b9.op"] = "maxpool";

        var thrown = Should.Throw<ArgumentException>(() => Space.Create(choices));

        thrown.Message.ShouldContain("decision 'b0.channels' is '48', not one of 16, 32, 64");
        thrown.Message.ShouldContain("decision 'b1.op' is missing");
        thrown.Message.ShouldContain("'b9.op' is not a decision of this space");
    }

    [Fact]
    public void Decode_gives_the_typed_network()
    {
        var space = new MacroCnnSpace(new MacroCnnSpaceOptions { InputChannels = 3, InputHeight = 32, InputWidth = 32, Classes = 100, MaxBlocks = 5 });

        var network = space.Decode(space.Parse("conv3x3/32+bn|maxpool|sepconv3x3/64+bn+skip|conv5x5/16+skip|avgpool"));

        (network.InputChannels, network.InputHeight, network.InputWidth, network.Classes).ShouldBe((3, 32, 32, 100));
        network.Blocks.ShouldBe(
        [
            new MacroBlock(MacroOperation.Conv3x3, 32, true, false),
            new MacroBlock(MacroOperation.MaxPool, 0, false, false),
            new MacroBlock(MacroOperation.SepConv3x3, 64, true, true),
            new MacroBlock(MacroOperation.Conv5x5, 16, false, true),
            new MacroBlock(MacroOperation.AvgPool, 0, false, false),
        ]);
    }

    [Fact]
    public void Decode_rejects_an_architecture_of_another_space()
    {
        var narrow = new MacroCnnSpace(new MacroCnnSpaceOptions { Channels = [8] });
        Should.Throw<FormatException>(() => narrow.Decode(Space.Parse("conv3x3/32"))).Message.ShouldContain("channels 32 is not in this space");
    }

    [Fact]
    public void Sample_is_deterministic_for_a_seed()
    {
        var first = Enumerable.Range(0, 20).Select(_ => Space.Sample(new Random(7))).Select(a => a.Canonical).Distinct();
        var one = new Random(11);
        var two = new Random(11);
        var a = Enumerable.Range(0, 50).Select(_ => Space.Sample(one).Canonical).ToList();
        var b = Enumerable.Range(0, 50).Select(_ => Space.Sample(two).Canonical).ToList();

        first.Count().ShouldBe(1);
        b.ShouldBe(a);
    }
}

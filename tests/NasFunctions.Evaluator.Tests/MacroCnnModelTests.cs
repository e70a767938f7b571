using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace.MacroCnn;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests;

[Collection(TorchCollection.Name)]
public sealed class MacroCnnModelTests
{
    public static TheoryData<MacroOperation, bool, bool> Blocks()
    {
        var data = new TheoryData<MacroOperation, bool, bool>();
        foreach (var operation in Enum.GetValues<MacroOperation>())
        {
            var convolution = new MacroBlock(operation, 8, false, false).IsConvolution;
            foreach (var (skip, batchNorm) in convolution ? new[] { (false, false), (false, true), (true, false), (true, true) } : [(false, false)])
            {
                data.Add(operation, skip, batchNorm);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_block_kind_runs_forward_at_every_depth(MacroOperation operation, bool skip, bool batchNorm)
    {
        int[] widths = [8, 8, 16, 16, 16]; // skips both with projection (1 -> 8, 8 -> 16) and without (8 -> 8)
        for (var depth = 1; depth <= 5; depth++)
        {
            var isConvolution = new MacroBlock(operation, 1, false, false).IsConvolution;
            var blocks = widths.Take(depth)
                .Select(w => isConvolution ? new MacroBlock(operation, w, batchNorm, skip) : new MacroBlock(operation, 0, false, false))
                .ToArray();
            using var scope = NewDisposeScope();
            using var model = new MacroCnnModel(new MacroCnnNetwork(1, 28, 28, 10, blocks));
            model.train();

            var output = model.forward(randn(2, 1, 28, 28));

            output.shape.ShouldBe([2L, 10L], $"depth {depth}");
            model.HeadGrid.ShouldBe(new long[] { 4, 4, 4, 2, 1 }[depth - 1], "28 -> 14 -> 7 -> 4 -> 2 -> 1, pooled to at most 4x4");
            model.ParameterCount.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Parameters_are_registered_under_readable_names()
    {
        using var model = new MacroCnnModel(Network(
            new MacroBlock(MacroOperation.SepConv3x3, 8, true, true), new MacroBlock(MacroOperation.MaxPool, 0, false, false)));

        var names = model.state_dict().Keys.ToArray();

        names.ShouldContain("blocks.0.conv.depthwise.weight");
        names.ShouldContain("blocks.0.conv.pointwise.weight");
        names.ShouldContain("blocks.0.norm.running_mean");
        names.ShouldContain("blocks.0.shortcut.project.weight");
        names.ShouldContain("head.weight");
        // depthwise 1*9, pointwise 8*1, bn 8+8, projection 8*1; 28 -> 14 -> 7, pooled to 4x4: head 8*16*10+10
        model.HeadGrid.ShouldBe(4);
        model.ParameterCount.ShouldBe(9 + 8 + 16 + 8 + (8 * 16 * 10) + 10);
    }

    [Fact]
    public void Weights_load_back_and_refuse_another_architecture()
    {
        var network = Network(new MacroBlock(MacroOperation.Conv3x3, 4, true, false));
        using var model = new MacroCnnModel(network);
        var weights = ModelWeights.Save(model);

        using var loaded = ModelWeights.Load(network, weights);
        using var input = randn(3, 1, 28, 28);
        model.eval();
        loaded.eval();
        using var expected = model.forward(input);
        using var actual = loaded.forward(input);

        actual.equal(expected).all().item<bool>().ShouldBeTrue();
        Should.Throw<ArgumentException>(() => ModelWeights.Load(Network(new MacroBlock(MacroOperation.Conv3x3, 5, true, false)), weights));
    }

    [Fact]
    public void An_invalid_network_lists_its_problems()
    {
        var network = new MacroCnnNetwork(1, 28, 28, 1, [new MacroBlock(MacroOperation.Conv5x5, 0, false, false)]);

        var error = Should.Throw<ArgumentException>(() => new MacroCnnModel(network));

        error.Message.ShouldContain("Classes");
        error.Message.ShouldContain("Block 0");
    }

    private static MacroCnnNetwork Network(params MacroBlock[] blocks) => new(1, 28, 28, 10, blocks);
}

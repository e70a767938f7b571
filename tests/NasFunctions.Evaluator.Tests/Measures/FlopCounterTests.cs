using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Measures;

/// <summary>FLOP counts against hand counts (a multiply-add is 2 FLOPs).</summary>
[Collection(TorchCollection.Name)]
public sealed class FlopCounterTests
{
    [Fact]
    public void A_convolution_counts_two_per_multiply_add_plus_its_bias()
    {
        using var conv = nn.Conv2d(3, 8, 3, padding: 1);

        var count = FlopCounter.Walk(conv, [3, 8, 8]);

        count.OutputShape.ShouldBe([8L, 8, 8]);
        count.Flops.ShouldBe((2L * 3 * 3 * 3 * 8 * 8 * 8) + (8 * 8 * 8)); // 27,648 + 512
    }

    [Fact]
    public void A_strided_depthwise_convolution_sees_one_input_channel_per_output()
    {
        using var conv = nn.Conv2d(8, 8, 3, stride: 2, padding: 1, groups: 8, bias: false);

        var count = FlopCounter.Walk(conv, [8, 8, 8]);

        count.OutputShape.ShouldBe([8L, 4, 4]);
        count.Flops.ShouldBe(2L * 1 * 9 * 8 * 4 * 4); // 2,304
    }

    [Fact]
    public void A_linear_layer_counts_two_per_weight_plus_its_bias_per_position()
    {
        using var linear = nn.Linear(10, 5);

        FlopCounter.Count(linear, 10).ShouldBe(105);
        FlopCounter.Walk(linear, [7, 10]).ShouldSatisfyAllConditions(
            c => c.Flops.ShouldBe(7 * 105),
            c => c.OutputShape.ShouldBe([7L, 5]));
    }

    [Fact]
    public void A_small_mlp_adds_up_its_layers()
    {
        using var model = new MlpModel(new MlpNetwork(4, 3, [new MlpLayer(8, "relu", 0, false)]));

        // Linear 4->8: 2*4*8 + 8 = 72; ReLU: 8; head 8->3: 2*8*3 + 3 = 51.
        FlopCounter.Count(model, 4).ShouldBe(131);
    }

    [Fact]
    public void A_small_macro_cnn_adds_up_its_layers()
    {
        using var model = new MacroCnnModel(new MacroCnnNetwork(1, 8, 8, 10, [new MacroBlock(MacroOperation.Conv3x3, 4, true, false)]));

        // Conv 1->4, 3x3, stride 2, no bias (batch norm follows): 2*1*9*4*(4*4) = 1,152; batch norm 2*64 = 128; ReLU 64;
        // adaptive pooling to 4x4 reads 64; head 64->10: 2*64*10 + 10 = 1,290.
        FlopCounter.Count(model, 1, 8, 8).ShouldBe(1152 + 128 + 64 + 64 + 1290);
    }

    [Fact]
    public void A_nas_bench_201_network_of_skip_cells_counts_only_its_skeleton()
    {
        var cell = NasBench201Space.Default.Decode(NasBench201Space.Default.Parse(
            "|skip_connect~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|"));
        using var model = new NasBench201Model(cell, 1, 10, channels: 2, cellsPerStage: 1);

        // Stem conv 1->2 on 4x4: 2*9*2*16 = 576, BN 2*32 = 64. Cell: identities, free.
        // Reduction 2->4 to 2x2: ReLU 32; conv_a 2*2*9*4*4 = 576; BN 32; ReLU 16; conv_b 2*4*9*4*4 = 1,152; BN 32;
        // shortcut pool 4 per output 2*2*2 = 32; 1x1 conv 2*2*4*4 = 64; sum 16. Together 1,952.
        // Reduction 4->8 to 1x1: ReLU 16; conv_a 2*4*9*8 = 576; BN 16; ReLU 8; conv_b 2*8*9*8 = 1,152; BN 16;
        // pool 4*4 = 16; 1x1 conv 2*4*8 = 64; sum 8. Together 1,872.
        // Tail: BN 16, ReLU 8, global pooling 8, linear 2*8*10 + 10 = 170.
        FlopCounter.Count(model, 1, 4, 4).ShouldBe(576 + 64 + 1952 + 1872 + 16 + 8 + 8 + 170);
    }

    [Fact]
    public void Recurrent_layers_follow_the_documented_formula()
    {
        FlopCounter.Recurrent(lstm: true, length: 3, inputs: 2, hidden: 4).ShouldBe(3 * ((8 * 4 * 6) + (21 * 4)));
        FlopCounter.Recurrent(lstm: false, length: 3, inputs: 2, hidden: 4).ShouldBe(3 * ((6 * 4 * 6) + (17 * 4)));
    }
}

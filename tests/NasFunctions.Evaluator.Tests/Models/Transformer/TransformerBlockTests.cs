using NasFunctions.Evaluator.Models.Transformer;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Models.Transformer;

/// <summary>The project's Transformer modules against values worked out by hand (plain arithmetic, no torch).</summary>
[Collection(TorchCollection.Name)]
public sealed class TransformerBlockTests
{
    [Fact]
    public void One_head_with_identity_projections_is_softmax_of_scaled_dot_products()
    {
        using var attention = new MultiHeadAttention(2, 1);
        SetLinears(attention, identity: true);
        using var x = tensor(new float[] { 1, 0, 0, 1 }, [1, 2, 2]);
        // Scores x xᵀ / √2 = [[s, 0], [0, s]] with s = 1/√2: row 0 weighs x0 by a = e^s / (e^s + 1), x1 by 1 - a.
        var a = Math.Exp(1 / Math.Sqrt(2)) / (Math.Exp(1 / Math.Sqrt(2)) + 1);

        using var plain = attention.forward(x, x);
        using var causal = attention.forward(x, x, causal: true);
        using var padded = attention.forward(x, x, keyPadding: tensor(new[] { false, true }, [1, 2]));

        Values(plain).ShouldBe([a, 1 - a, 1 - a, a], tolerance: 1e-6);
        Values(causal).ShouldBe([1, 0, 1 - a, a], tolerance: 1e-6); // position 0 sees only itself
        Values(padded).ShouldBe([1, 0, 1, 0], tolerance: 1e-6); // nobody sees the padded key
    }

    [Fact]
    public void Two_heads_attend_over_their_own_features_and_the_output_projection_joins_them()
    {
        using var attention = new MultiHeadAttention(4, 2);
        SetLinears(attention, identity: true);
        double[][] x = [[1, 2, 0, 1], [0, 1, 3, 0], [2, 0, 1, 1]];
        using var input = tensor(x.SelectMany(r => r.Select(v => (float)v)).ToArray(), [1, 3, 4]);

        using var output = attention.forward(input, input, causal: true);

        var expected = new double[3 * 4];
        for (var head = 0; head < 2; head++)
        {
            for (var i = 0; i < 3; i++)
            {
                // Causal: query i sees keys 0..i; scores are dot products over this head's two features, over √2.
                var scores = Enumerable.Range(0, i + 1).Select(j => ((x[i][2 * head] * x[j][2 * head]) + (x[i][(2 * head) + 1] * x[j][(2 * head) + 1])) / Math.Sqrt(2)).ToArray();
                var weights = scores.Select(Math.Exp).ToArray();
                var total = weights.Sum();
                for (var f = 0; f < 2; f++)
                {
                    expected[(i * 4) + (2 * head) + f] = Enumerable.Range(0, i + 1).Sum(j => weights[j] / total * x[j][(2 * head) + f]);
                }
            }
        }

        Values(output).ShouldBe(expected, tolerance: 1e-5);
    }

    [Fact]
    public void The_feed_forward_is_linear_relu_linear_per_position()
    {
        using var feedForward = new PositionwiseFeedForward(2, 3);
        Set(feedForward, "expand.weight", [1, 0, 0, 1, 1, -1], [3, 2]);
        Set(feedForward, "expand.bias", [0, 0, -0.5f], [3]);
        Set(feedForward, "contract.weight", [1, 1, 1, 0, 2, -1], [2, 3]);
        Set(feedForward, "contract.bias", [0.5f, 0], [2]);
        using var input = tensor(new float[] { 2, 1, -1, 3 }, [1, 2, 2]);

        using var output = feedForward.forward(input);

        // [2, 1]: hidden relu(2, 1, 0.5) -> (2 + 1 + 0.5 + 0.5, 2 - 0.5); [-1, 3]: relu(-1, 3, -4.5) = (0, 3, 0) -> (3.5, 6).
        Values(output).ShouldBe([4, 1.5, 3.5, 6], tolerance: 1e-6);
    }

    [Theory]
    [InlineData(NormPlacement.Pre)]
    [InlineData(NormPlacement.Post)]
    public void Norm_placement_decides_whether_a_silent_sub_layer_leaves_the_input_or_normalizes_it(NormPlacement placement)
    {
        using var encoder = new TransformerEncoderBlock(4, 2, 8, placement);
        using var decoder = new TransformerDecoderBlock(4, 2, 8, placement);
        SetLinears(encoder, identity: false); // every sub-layer outputs 0
        SetLinears(decoder, identity: false);
        double[] row = [1, 2, 3, 6];
        using var x = tensor(row.Select(v => (float)v).ToArray(), [1, 1, 4]);

        using var encoded = encoder.forward(x, null);
        using var decoded = decoder.forward(x, x, null, null);

        // Pre: x + 0 at each sub-layer, so x. Post: norm(x + 0) after each of 2 (encoder) or 3 (decoder) sub-layers.
        Values(encoded).ShouldBe(placement == NormPlacement.Pre ? row : Normalized(row, 2), tolerance: 1e-5);
        Values(decoded).ShouldBe(placement == NormPlacement.Pre ? row : Normalized(row, 3), tolerance: 1e-5);
    }

    [Fact]
    public void A_decoder_position_never_sees_later_targets_or_padded_sources()
    {
        manual_seed(11);
        using var decoder = new TransformerDecoderBlock(8, 2, 16, NormPlacement.Pre);
        using var target = randn(1, 4, 8);
        using var changedLast = target.clone();
        changedLast[0, 3] = randn(8);
        using var memory = randn(1, 3, 8);
        using var changedPad = memory.clone();
        changedPad[0, 2] = randn(8);
        using var sourcePadding = tensor(new[] { false, false, true }, [1, 3]);

        using var before = decoder.forward(target, memory, null, sourcePadding);
        using var later = decoder.forward(changedLast, memory, null, sourcePadding);
        using var padded = decoder.forward(target, changedPad, null, sourcePadding);

        before[0, ..3].allclose(later[0, ..3], rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
        before[0, 3].allclose(later[0, 3], rtol: 1e-5, atol: 1e-6).ShouldBeFalse();
        before.allclose(padded, rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void Padding_masks_mark_pad_ids_and_positions_are_sinusoids()
    {
        using var tokens = tensor(new long[] { 5, 7, 0, 0, 9, 0 }, [2, 3]);
        using var padding = AttentionMasks.Padding(tokens);
        padding.data<bool>().ToArray().ShouldBe([false, false, true, true, false, true]);
        using var causal = AttentionMasks.Causal(3);
        causal.data<bool>().ToArray().ShouldBe([false, true, true, false, false, true, false, false, false]);

        using var table = PositionalEncoding.Table(2, 4);

        // Position 0: sin 0, cos 0 per pair; position 1: sin/cos of 1 / 10000^(0/4) and 1 / 10000^(2/4).
        Values(table).ShouldBe([0, 1, 0, 1, Math.Sin(1), Math.Cos(1), Math.Sin(0.01), Math.Cos(0.01)], tolerance: 1e-6);
    }

    private static double[] Normalized(double[] row, int times)
    {
        for (var t = 0; t < times; t++)
        {
            var mean = row.Average();
            var variance = row.Average(v => (v - mean) * (v - mean));
            row = row.Select(v => (v - mean) / Math.Sqrt(variance + 1e-5)).ToArray();
        }

        return row;
    }

    private static double[] Values(Tensor t) => t.to_type(ScalarType.Float64).data<double>().ToArray();

    private static void Set(nn.Module module, string name, float[] values, long[] shape)
    {
        using var _ = no_grad();
        module.named_parameters().Single(p => p.name == name).parameter.copy_(tensor(values, shape));
    }

    // Every linear layer: identity weights (or zero) and zero bias.
    private static void SetLinears(nn.Module module, bool identity)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal) || name.EndsWith("norm.bias", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.EndsWith(".weight", StringComparison.Ordinal) && identity && parameter.shape[0] == parameter.shape[1])
            {
                parameter.copy_(eye(parameter.shape[0]));
            }
            else
            {
                parameter.zero_();
            }
        }
    }
}

using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class ImageBatchesTests
{
    [Fact]
    public void Colour_images_keep_their_channels_each_normalized_by_its_own_figures()
    {
        // Two 1x2 images of three channels; every pixel of channel c is 51 * (c + 1).
        var pixels = Enumerable.Range(0, 2 * 3 * 2).Select(i => (byte)(51 * (((i / 2) % 3) + 1))).ToArray();
        var images = new LabeledImages(3, 1, 2, pixels, [4, 7]);
        var normalization = ImageNormalization.PerChannel(0.5, 0.5, [0.2, 0.4, 0.6], [0.1, 0.2, 0.3]);

        using var scope = NewDisposeScope();
        var (x, y) = new ImageBatches(images, normalization).Create([1, 0], CPU);

        x.shape.ShouldBe([2L, 3, 1, 2]);
        y.data<long>().ToArray().ShouldBe([7L, 4]);
        for (var c = 0; c < 3; c++)
        {
            var expected = normalization.LookupTable(c)[51 * (c + 1)];
            x[0, c].data<float>().ToArray().ShouldAllBe(v => Math.Abs(v - expected) < 1e-6);
        }

        x[0, 0, 0, 0].item<float>().ShouldBe(0f, 1e-6f); // (0.2 - 0.2) / 0.1
        x[0, 2, 0, 0].item<float>().ShouldBe(0f, 1e-6f); // (0.6 - 0.6) / 0.3
        x[0, 1, 0, 0].item<float>().ShouldBe(0f, 1e-6f); // (0.4 - 0.4) / 0.2
    }
}

using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Augmentation;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Augmentation;

/// <summary>Crop, flip and cutout do what a pixel-by-pixel reference does, with draws fixed by (seed, epoch).</summary>
[Collection(TorchCollection.Name)]
public sealed class ImageAugmenterTests
{
    private static readonly float[] Black = [-1.5f, -0.25f];

    [Fact]
    public void Crop_flip_and_cutout_match_a_pixel_by_pixel_reference()
    {
        const int n = 4, c = 2, h = 5, w = 6;
        var settings = new ImageAugmentation(CropPadding: 2, Flip: true, Cutout: 3);
        var values = Enumerable.Range(0, n * c * h * w).Select(i => (float)Math.Sin(i + 1)).ToArray();
        // Offsets at both extremes and between; cutout centres inside, on a corner and at the border.
        var draws = new AugmentationDraws([0, 4, 2, 1], [4, 0, 2, 3], [true, false, true, false], [0, 2, 4, 1], [5, 3, 0, 2]);
        using var scope = NewDisposeScope();
        using var augmenter = new ImageAugmenter(settings, Black);

        var actual = augmenter.Apply(tensor(values, [n, c, h, w]), draws).data<float>().ToArray();

        actual.ShouldBe(Reference(values, settings, draws, n, c, h, w));
    }

    [Fact]
    public void Each_change_alone_matches_the_reference()
    {
        const int n = 3, c = 2, h = 4, w = 4;
        var values = Enumerable.Range(0, n * c * h * w).Select(i => (float)Math.Cos(i)).ToArray();
        var draws = new AugmentationDraws([0, 2, 1], [2, 1, 0], [true, true, false], [3, 0, 1], [0, 2, 3]);
        using var scope = NewDisposeScope();
        foreach (var settings in new[] { new ImageAugmentation(CropPadding: 1), new ImageAugmentation(Flip: true), new ImageAugmentation(Cutout: 2) })
        {
            var only = new AugmentationDraws(
                settings.CropPadding > 0 ? draws.RowOffsets : [],
                settings.CropPadding > 0 ? draws.ColumnOffsets : [],
                settings.Flip ? draws.Flips : [],
                settings.Cutout > 0 ? draws.CutoutRows : [],
                settings.Cutout > 0 ? draws.CutoutColumns : []);
            using var augmenter = new ImageAugmenter(settings, Black);

            augmenter.Apply(tensor(values, [n, c, h, w]), only).data<float>().ToArray()
                .ShouldBe(Reference(values, settings, only, n, c, h, w), settings.ToString());
        }
    }

    [Fact]
    public void The_draws_of_an_epoch_depend_on_the_seed_and_the_epoch_only()
    {
        var settings = ImageAugmentation.Named("standard", "fashion-mnist");
        var values = Enumerable.Range(0, 16 * 28 * 28).Select(i => (float)Math.Sin(i)).ToArray();
        using var scope = NewDisposeScope();
        using var augmenter = new ImageAugmenter(settings, [-0.8f]);
        float[] Augmented(int seed, int epoch)
        {
            var random = AugmentationDraws.ForEpoch(seed, epoch);
            augmenter.Apply(tensor(values, [16, 1, 28, 28]), random); // a first batch, then the one compared
            return augmenter.Apply(tensor(values, [16, 1, 28, 28]), random).data<float>().ToArray();
        }

        var once = Augmented(7, 2);

        Augmented(7, 2).ShouldBe(once);
        Augmented(7, 3).ShouldNotBe(once, "another epoch draws anew");
        Augmented(8, 2).ShouldNotBe(once, "another seed draws anew");
        once.ShouldNotBe(values, "the standard strength changes images");
    }

    [Fact]
    public void Draws_cover_every_offset_and_both_flips_within_their_ranges()
    {
        var draws = AugmentationDraws.Draw(new ImageAugmentation(3, true, 5), new Random(1), 2000, 10, 12);

        draws.RowOffsets.Distinct().Order().ShouldBe(Enumerable.Range(0, 7));
        draws.ColumnOffsets.Distinct().Order().ShouldBe(Enumerable.Range(0, 7));
        draws.Flips.Count(f => f).ShouldBeInRange(900, 1100);
        draws.CutoutRows.Distinct().Order().ShouldBe(Enumerable.Range(0, 10));
        draws.CutoutColumns.Distinct().Order().ShouldBe(Enumerable.Range(0, 12));
        AugmentationDraws.Draw(ImageAugmentation.None, new Random(1), 5, 10, 12).RowOffsets.ShouldBeEmpty();
    }

    [Fact]
    public void Named_strengths_flip_only_where_a_mirrored_image_keeps_its_class()
    {
        ImageAugmentation.Named("standard", "fashion-mnist").ShouldBe(new ImageAugmentation(4, true, 8));
        ImageAugmentation.Named("light", "cifar10").ShouldBe(new ImageAugmentation(2, true));
        ImageAugmentation.Named("standard", "mnist").ShouldBe(new ImageAugmentation(4, false, 8), "a mirrored digit is no digit");
        ImageAugmentation.Named("light", "my-digits").Flip.ShouldBeFalse("an unknown set is not flipped");
        ImageAugmentation.Named("none", "fashion-mnist").IsNone.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => ImageAugmentation.Named("heavy", "mnist")).Message.ShouldContain("none, light, standard");
    }

    [Fact]
    public void Settings_that_do_not_fit_the_images_or_the_data_are_refused()
    {
        new ImageAugmentation(CropPadding: 14, Cutout: 28).Check(28, 28).ShouldBeEmpty();
        new ImageAugmentation(CropPadding: 15).Check(28, 28).ShouldHaveSingleItem().ShouldContain("CropPadding must be from 0 to 14");
        new ImageAugmentation(Cutout: 13).Check(12, 20).ShouldHaveSingleItem().ShouldContain("Cutout must be from 0 to 12");

        var options = new TrainingOptions { Augmentation = new ImageAugmentation(Flip: true) };
        ClassificationTrainer.Check(TinyData.Features(4), 1, 1, options).ShouldContain(e => e.Contains("holds no images"));
        ClassificationTrainer.Check(TinyData.Images(1, 8), 1, 1, options).ShouldBeEmpty();
        ClassificationTrainer.Check(TinyData.Images(1, 8), 1, 1, new TrainingOptions { Augmentation = new ImageAugmentation(CropPadding: 5) })
            .ShouldContain(e => e.Contains("CropPadding"));
    }

    /// <summary>The augmentation computed pixel by pixel: crop from the black-padded image, then flip, then cutout to 0.</summary>
    private static float[] Reference(float[] x, ImageAugmentation s, AugmentationDraws d, int n, int c, int h, int w)
    {
        var result = new float[x.Length];
        for (var i = 0; i < n; i++)
        {
            for (var ch = 0; ch < c; ch++)
            {
                for (var r = 0; r < h; r++)
                {
                    for (var q = 0; q < w; q++)
                    {
                        var column = s.Flip && d.Flips[i] ? w - 1 - q : q; // flipping after the crop reads the crop mirrored
                        var sourceRow = s.CropPadding > 0 ? r + d.RowOffsets[i] - s.CropPadding : r;
                        var sourceColumn = s.CropPadding > 0 ? column + d.ColumnOffsets[i] - s.CropPadding : column;
                        var inside = sourceRow >= 0 && sourceRow < h && sourceColumn >= 0 && sourceColumn < w;
                        var value = inside ? x[(((i * c) + ch) * h * w) + (sourceRow * w) + sourceColumn] : Black[ch];
                        if (s.Cutout > 0)
                        {
                            var top = d.CutoutRows[i] - (s.Cutout / 2);
                            var left = d.CutoutColumns[i] - (s.Cutout / 2);
                            if (r >= top && r < top + s.Cutout && q >= left && q < left + s.Cutout)
                            {
                                value = 0;
                            }
                        }

                        result[(((i * c) + ch) * h * w) + (r * w) + q] = value;
                    }
                }
            }
        }

        return result;
    }
}

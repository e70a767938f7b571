namespace NasFunctions.Evaluator.Training.Augmentation;

/// <summary>The random choices for one batch of images: each image's crop offsets, whether it is flipped, and its cutout centre.</summary>
/// <param name="RowOffsets">Per image, the first row of the crop in the padded image, from 0 to twice the padding (empty without a crop).</param>
/// <param name="ColumnOffsets">Per image, the first column of the crop in the padded image (empty without a crop).</param>
/// <param name="Flips">Per image, whether it is mirrored left to right (empty without flips).</param>
/// <param name="CutoutRows">Per image, the row of the cutout square's centre, in [0, height) (empty without a cutout).</param>
/// <param name="CutoutColumns">Per image, the column of the cutout square's centre, in [0, width) (empty without a cutout).</param>
public sealed record AugmentationDraws(int[] RowOffsets, int[] ColumnOffsets, bool[] Flips, int[] CutoutRows, int[] CutoutColumns)
{
    /// <summary>The generator of one epoch's draws: it depends on the training's seed and the epoch only, so a resumed training draws what the straight one did.</summary>
    public static Random ForEpoch(int seed, int epoch) => new(unchecked((seed * 998_244_353) ^ ((epoch + 1) * 104_729) ^ 0x5A17));

    /// <summary>Draws the choices for <paramref name="count"/> images of <paramref name="height"/> x <paramref name="width"/>, image by image, only for what <paramref name="settings"/> turns on.</summary>
    public static AugmentationDraws Draw(ImageAugmentation settings, Random random, int count, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var crop = settings.CropPadding > 0;
        var rows = new int[crop ? count : 0];
        var columns = new int[crop ? count : 0];
        var flips = new bool[settings.Flip ? count : 0];
        var cutoutRows = new int[settings.Cutout > 0 ? count : 0];
        var cutoutColumns = new int[settings.Cutout > 0 ? count : 0];
        for (var i = 0; i < count; i++)
        {
            if (crop)
            {
                rows[i] = random.Next((2 * settings.CropPadding) + 1);
                columns[i] = random.Next((2 * settings.CropPadding) + 1);
            }

            if (settings.Flip)
            {
                flips[i] = random.Next(2) == 1;
            }

            if (settings.Cutout > 0)
            {
                cutoutRows[i] = random.Next(height);
                cutoutColumns[i] = random.Next(width);
            }
        }

        return new AugmentationDraws(rows, columns, flips, cutoutRows, cutoutColumns);
    }
}

namespace NasFunctions.Evaluator.Training.Augmentation;

/// <summary>Which random changes each training image gets: a crop of the image padded on every side, a horizontal flip, a cutout square.</summary>
/// <remarks>
/// Only training batches are changed; validation and test images are scored as they are. The named strengths
/// (<see cref="Named"/>) flip only where a mirrored image is still an image of its class (<see cref="FlipKeepsClass"/>):
/// Fashion-MNIST's clothes and CIFAR-10's objects, not MNIST's digits (a mirrored 2, 3, 4, 7 or 9 is no digit).
/// </remarks>
/// <param name="CropPadding">
/// Pixels of black padding on each side before a random crop back to the image's size (a shift of up to this many pixels
/// each way); 0 (default) crops nothing. At most half the image's shorter side.
/// </param>
/// <param name="Flip">Whether half the images, picked at random, are mirrored left to right; default false.</param>
/// <param name="Cutout">
/// Side of a square, at a random centre (it may hang over the border), set to the data set's mean (DeVries and Taylor,
/// 2017); 0 (default) cuts nothing. At most the image's shorter side.
/// </param>
public sealed record ImageAugmentation(int CropPadding = 0, bool Flip = false, int Cutout = 0)
{
    /// <summary>The strengths <see cref="Named"/> knows: none, light, standard.</summary>
    public static IReadOnlyList<string> Strengths { get; } = ["none", "light", "standard"];

    /// <summary>No change at all (the default).</summary>
    public static ImageAugmentation None { get; } = new();

    /// <summary>True when nothing is changed.</summary>
    public bool IsNone => CropPadding == 0 && !Flip && Cutout == 0;

    /// <summary>
    /// A named strength for a data set: <c>none</c>; <c>light</c>: crop with 2 pixels of padding and flip where it keeps the
    /// class; <c>standard</c>: crop with 4 pixels of padding (the CIFAR recipe), flip where it keeps the class, and an 8-pixel
    /// cutout.
    /// </summary>
    /// <exception cref="ArgumentException">The strength is none of <see cref="Strengths"/>.</exception>
    public static ImageAugmentation Named(string strength, string datasetName)
    {
        ArgumentNullException.ThrowIfNull(datasetName);
        var flip = FlipKeepsClass(datasetName);
        return strength switch
        {
            "none" => None,
            "light" => new ImageAugmentation(2, flip),
            "standard" => new ImageAugmentation(4, flip, 8),
            _ => throw new ArgumentException($"Augmentation strength must be one of {string.Join(", ", Strengths)} (was '{strength}').", nameof(strength)),
        };
    }

    /// <summary>True for the data sets whose mirrored images keep their class: fashion-mnist and cifar10; false for mnist and unknown sets.</summary>
    public static bool FlipKeepsClass(string datasetName)
    {
        ArgumentNullException.ThrowIfNull(datasetName);
        return datasetName.ToLowerInvariant() is "fashion-mnist" or "cifar10" or "cifar-10";
    }

    /// <summary>Every problem with these settings for images of <paramref name="height"/> x <paramref name="width"/>; empty when they fit.</summary>
    public IReadOnlyList<string> Check(int height, int width)
    {
        var errors = new List<string>();
        var side = Math.Min(height, width);
        if (CropPadding < 0 || CropPadding > side / 2)
        {
            errors.Add($"Augmentation CropPadding must be from 0 to {side / 2} (half the {height}x{width} images' shorter side) (was {CropPadding}).");
        }

        if (Cutout < 0 || Cutout > side)
        {
            errors.Add($"Augmentation Cutout must be from 0 to {side} (the {height}x{width} images' shorter side) (was {Cutout}).");
        }

        return errors;
    }
}

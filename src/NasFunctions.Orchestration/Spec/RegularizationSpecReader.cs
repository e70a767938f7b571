using System.Text.Json;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Reads the regularization fields of a spec's <c>training</c>: <c>labelSmoothing</c>, <c>gradientClip</c> and <c>augmentation</c>.</summary>
public static class RegularizationSpecReader
{
    /// <summary>The most label smoothing a spec may ask for: beyond it the label weighs little more than the other classes.</summary>
    public const double MaxLabelSmoothing = 0.5;

    /// <summary>The largest gradient-norm bound a spec may name.</summary>
    public const double MaxGradientClip = 1000;

    /// <summary>The most crop padding a spec may name (half of the 28-pixel side of the smallest image set it may name).</summary>
    public const int MaxCropPadding = 8;

    /// <summary>The largest cutout a spec may name.</summary>
    public const int MaxCutout = 16;

    /// <summary><c>labelSmoothing</c>: from 0 (default, plain cross-entropy) to <see cref="MaxLabelSmoothing"/>.</summary>
    public static double LabelSmoothing(SpecObject training, List<SpecError> errors) =>
        ZeroOrUpTo(training, "labelSmoothing", MaxLabelSmoothing, errors);

    /// <summary><c>gradientClip</c>: the bound on the gradients' global norm, 0 (default) for none, at most <see cref="MaxGradientClip"/>.</summary>
    public static double GradientClip(SpecObject training, List<SpecError> errors) =>
        ZeroOrUpTo(training, "gradientClip", MaxGradientClip, errors);

    /// <summary>
    /// <c>augmentation</c>: a strength (<c>"none"</c>, the default; <c>"light"</c>; <c>"standard"</c>: see
    /// <see cref="ImageAugmentation.Named"/>, which flips only where it keeps the class), or an object
    /// <c>{ "cropPadding": 0-8, "flip": bool, "cutout": 0-16 }</c> whose fields default to off. Image data sets only; a flip of
    /// MNIST digits is refused.
    /// </summary>
    public static ImageAugmentation Augmentation(SpecObject training, DatasetSpec dataset, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(dataset);
        const string field = "augmentation";
        var augmentation = training.Field(field) switch
        {
            null => ImageAugmentation.None,
            { ValueKind: JsonValueKind.String } => Named(training, dataset),
            { ValueKind: JsonValueKind.Object } element => Settings(element, training.PathOf(field), dataset, errors),
            { } other => Refuse(training, $"must be one of {string.Join(", ", ImageAugmentation.Strengths)} or an object " +
                $"{{ \"cropPadding\", \"flip\", \"cutout\" }}, not {SpecJson.Describe(other)}"),
        };
        if (!augmentation.IsNone && dataset.ToOptions(0).Kind is not (DatasetKind.Idx or DatasetKind.Cifar10))
        {
            return Refuse(training, $"is for image data sets; '{dataset.Name}' holds no images (use \"none\")");
        }

        return augmentation;
    }

    private static ImageAugmentation Named(SpecObject training, DatasetSpec dataset)
    {
        var strength = training.String("augmentation", "none", ImageAugmentation.Strengths);
        return ImageAugmentation.Named(strength, dataset.Name);
    }

    private static ImageAugmentation Settings(JsonElement element, string path, DatasetSpec dataset, List<SpecError> errors)
    {
        var settings = SpecObject.From(element, path, errors)!;
        var cropPadding = settings.Int("cropPadding", 0, 0, MaxCropPadding);
        var flip = settings.Field("flip") is { } value && SpecJson.ReadBool(value, settings.PathOf("flip"), errors) == true;
        var cutout = settings.Int("cutout", 0, 0, MaxCutout);
        settings.RejectUnknown();
        if (flip && !ImageAugmentation.FlipKeepsClass(dataset.Name))
        {
            settings.Error("flip", $"a mirrored image of '{dataset.Name}' is no longer one of its classes (digits are not symmetric); " +
                "flip fashion-mnist or cifar10 only");
            flip = false;
        }

        return new ImageAugmentation(cropPadding, flip, cutout);
    }

    private static ImageAugmentation Refuse(SpecObject training, string message)
    {
        training.Error("augmentation", message);
        return ImageAugmentation.None;
    }

    /// <summary>A number from 0 to <paramref name="max"/> (0 when absent or wrong, with an error when wrong).</summary>
    private static double ZeroOrUpTo(SpecObject training, string name, double max, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Field(name) is not { } element || SpecJson.ReadDouble(element, training.PathOf(name), errors) is not { } value)
        {
            return 0;
        }

        if (value < 0 || value > max)
        {
            training.Error(name, $"must be from 0 to {max}, not {value}");
            return 0;
        }

        return value;
    }
}

using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary><c>training.labelSmoothing</c>, <c>gradientClip</c> and <c>augmentation</c>: read with their defaults, bounds and per-data-set flips.</summary>
public sealed class RegularizationSpecReaderTests
{
    [Fact]
    public void A_spec_without_them_trains_plainly_as_before()
    {
        var training = SearchSpecReader.Read("""{ "training": { "epochs": 2, "augmentation": "none" } }""").Spec!.Training;

        (training.LabelSmoothing, training.GradientClip, training.Augmentation).ShouldBe((0.0, 0.0, (ImageAugmentation?)null));
        training.TrialAugmentation.ShouldBe(ImageAugmentation.None);
        training.ShouldBe(TrainingSpec.Default with { Epochs = 2 });
    }

    [Fact]
    public void Reads_smoothing_clipping_and_a_named_strength()
    {
        var result = SearchSpecReader.Read("""
            { "training": { "labelSmoothing": 0.1, "gradientClip": 5, "augmentation": "standard" } }
            """);

        result.Errors.ShouldBeEmpty();
        var training = result.Spec!.Training;
        (training.LabelSmoothing, training.GradientClip).ShouldBe((0.1, 5.0));
        training.Augmentation.ShouldBe(new ImageAugmentation(CropPadding: 4, Flip: true, Cutout: 8), "Fashion-MNIST's clothes flip");
    }

    [Fact]
    public void A_named_strength_does_not_flip_digits()
    {
        using var data = new DataRootFolder();
        string mnist = Path.GetDirectoryName(data.File("mnist/train-images-idx3-ubyte", "idx"))!;

        var result = SearchSpecReader.Read($$"""
            { "dataset": { "name": "mnist", "path": "{{mnist}}" }, "training": { "augmentation": "light" } }
            """, data.Limits);

        result.Errors.ShouldBeEmpty();
        result.Spec!.Training.Augmentation.ShouldBe(new ImageAugmentation(CropPadding: 2));
    }

    [Fact]
    public void Explicit_settings_are_off_unless_named()
    {
        var training = SearchSpecReader.Read("""{ "training": { "augmentation": { "cropPadding": 3, "cutout": 6 } } }""").Spec!.Training;
        var flipOnly = SearchSpecReader.Read("""{ "training": { "augmentation": { "flip": true } } }""").Spec!.Training;

        training.Augmentation.ShouldBe(new ImageAugmentation(3, false, 6));
        flipOnly.Augmentation.ShouldBe(new ImageAugmentation(0, true, 0));
    }

    [Fact]
    public void Every_value_out_of_bounds_is_listed_with_its_path()
    {
        var result = SearchSpecReader.Read("""
            { "training": { "labelSmoothing": 0.6, "gradientClip": -1,
                            "augmentation": { "cropPadding": 9, "cutout": 17, "flip": "yes", "rotate": 10 } } }
            """);

        result.Spec.ShouldBeNull();
        result.Errors.Select(e => e.Path).ShouldBe(
            [
                "$.training.labelSmoothing", "$.training.gradientClip", "$.training.augmentation.cropPadding",
                "$.training.augmentation.cutout", "$.training.augmentation.flip", "$.training.augmentation.rotate",
            ],
            ignoreOrder: true);
        result.Errors.Single(e => e.Path == "$.training.labelSmoothing").Message.ShouldBe("must be from 0 to 0.5, not 0.6");
    }

    [Theory]
    [InlineData("\"heavy\"", "must be one of none, light, standard")]
    [InlineData("3", "must be one of none, light, standard or an object")]
    [InlineData("\"\"", "must not be empty")]
    public void An_unknown_strength_names_the_known_ones(string value, string message)
    {
        var result = SearchSpecReader.Read($$"""{ "training": { "augmentation": {{value}} } }""");

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.training.augmentation");
        result.Errors[0].Message.ShouldContain(message);
    }

    [Fact]
    public void Flipping_digits_is_refused()
    {
        using var data = new DataRootFolder();
        string mnist = Path.GetDirectoryName(data.File("mnist/train-images-idx3-ubyte", "idx"))!;

        var result = SearchSpecReader.Read($$"""
            { "dataset": { "name": "mnist", "path": "{{mnist}}" }, "training": { "augmentation": { "flip": true } } }
            """, data.Limits);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.training.augmentation.flip");
        result.Errors[0].Message.ShouldContain("fashion-mnist or cifar10 only");
    }

    [Fact]
    public void Augmentation_is_refused_for_data_that_holds_no_images()
    {
        using var data = new DataRootFolder();
        string table = data.File("t.csv");

        var result = SearchSpecReader.Read($$"""
            { "space": { "kind": "mlp", "inputs": 1, "classes": 2 }, "dataset": { "name": "csv", "path": "{{table}}", "labelColumn": "class" },
              "training": { "augmentation": "light", "labelSmoothing": 0.1 } }
            """, data.Limits);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.training.augmentation");
        result.Errors[0].Message.ShouldContain("holds no images");
    }
}

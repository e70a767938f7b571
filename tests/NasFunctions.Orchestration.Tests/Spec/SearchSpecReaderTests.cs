using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

public class SearchSpecReaderTests
{
    [Fact]
    public void An_empty_object_gets_every_default()
    {
        var result = SearchSpecReader.Read("{}");

        result.Errors.ShouldBeEmpty();
        var spec = result.Spec!;
        spec.Space.Kind.ShouldBe("macro-cnn");
        spec.Dataset.ShouldBe(DatasetSpec.Default);
        spec.Budget.ShouldBe(SearchBudget.Default);
        spec.Training.ShouldBe(TrainingSpec.Default);
        spec.Strategy.Name.ShouldBe("random");
    }

    [Fact]
    public void Reads_every_section()
    {
        using var data = new DataRootFolder();
        string mnist = Path.GetDirectoryName(data.File("mnist/train-images-idx3-ubyte", "idx"))!;
        var result = SearchSpecReader.Read($$"""
            { "name": "n", "seed": 9, "strategy": "random",
              "dataset": { "name": "mnist", "path": "{{mnist}}", "validationFraction": 0.2 },
              "budget": { "rounds": 4, "candidatesPerRound": 5, "maxParallelTrials": 2 },
              "training": { "epochs": 2, "dataFraction": 0.25, "batchSize": 32, "learningRate": 0.01, "threads": 1, "device": "auto",
                            "earlyStopping": { "patience": 3 }, "precision": "bf16" } }
            """, data.Limits);

        result.Errors.ShouldBeEmpty();
        var spec = result.Spec!;
        spec.Seed.ShouldBe(9);
        spec.Dataset.ShouldBe(new DatasetSpec("mnist", mnist, 0.2));
        spec.Budget.ShouldBe(new SearchBudget(4, 5, 20, 2));
        spec.Training.ShouldBe(new TrainingSpec(2, 0.25, 32, 0.01, 1, "auto", new EarlyStoppingSpec(3, 0.001), "bf16"));
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        var result = SearchSpecReader.Read("""
            { "seed": -1, "colour": "red",
              "space": { "kind": "macro-cnn", "channels": [16, 0], "operations": ["conv9x9"] },
              "strategy": { "name": "genetic" },
              "dataset": { "name": "imagenet" },
              "budget": { "rounds": 0, "candidatesPerRound": "many" },
              "training": { "device": "tpu", "dataFraction": 1.5, "earlyStopping": { "patience": 0, "minGain": 2, "mode": "max" } } }
            """);

        result.IsValid.ShouldBeFalse();
        result.Spec.ShouldBeNull();
        result.Errors.Select(e => e.Path).ShouldBe(
            [
                "$.seed", "$.space.channels[1]", "$.space.operations[0]", "$.strategy.name", "$.dataset.name", "$.budget.rounds",
                "$.budget.candidatesPerRound", "$.training.dataFraction", "$.training.device", "$.colour",
                "$.training.earlyStopping.patience", "$.training.earlyStopping.minGain", "$.training.earlyStopping.mode",
            ],
            ignoreOrder: true);
            }

    [Theory]
    [InlineData("cpu", "bf16", "CUDA hosts")]
    [InlineData("auto", "fp16", "fp32, bf16")]
    public void A_precision_needs_a_known_name_and_bf16_a_cuda_capable_device(string device, string precision, string message)
    {
        var result = SearchSpecReader.Read($$"""{ "training": { "device": "{{device}}", "precision": "{{precision}}" } }""");

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.training.precision");
        result.Errors[0].Message.ShouldContain(message);
    }

    [Fact]
    public void Unknown_strategy_is_an_error_naming_the_known_ones()
    {
        var result = SearchSpecReader.Read("""{ "strategy": { "name": "genetic" } }""");

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.strategy.name");
        result.Errors[0].Message.ShouldContain("random");
    }

    [Theory]
    [InlineData("{ \"name\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public void Malformed_json_is_one_error_at_the_root(string json)
    {
        var result = SearchSpecReader.Read(json);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$");
        result.Errors[0].Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void A_spec_that_is_not_an_object_is_an_error()
    {
        SearchSpecReader.Read("[1, 2]").Errors.ShouldHaveSingleItem().Message.ShouldContain("must be an object");
    }
}

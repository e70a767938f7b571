using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>Every bound a caller can set is checked against the host's limits, each error at its path.</summary>
public class SpecLimitsTests
{
    private static readonly SpecLimits Small = new() { MaxThreads = 2, MaxTrials = 100, MaxEpochs = 5, MaxBatchSize = 64, MaxNameLength = 10 };

    [Fact]
    public void A_repeated_key_is_an_error_at_its_path_at_any_depth()
    {
        var result = SearchSpecReader.Read("""
            { "seed": 1, "seed": 2,
              "budget": { "rounds": 1, "rounds": 2 },
              "strategy": { "name": "evolution", "options": { "population": 4, "population": 8 } } }
            """);

        result.Errors.Select(e => e.Path).ShouldBe(["$.seed", "$.budget.rounds", "$.strategy.options.population"], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.Message.Contains("more than once"));
    }

    [Theory]
    [InlineData("""{ "name": "a\ud800b" }""", "$.name")]
    [InlineData("""{ "dataset": { "labelColumn": "\udc00" } }""", "$.dataset.labelColumn")]
    [InlineData("""{ "\ud800": 1 }""", "$[key 0]")]
    public void Text_with_an_unpaired_surrogate_is_an_error_not_a_crash(string json, string path)
    {
        var result = SearchSpecReader.Read(json);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe(path);
        result.Errors[0].Message.ShouldContain("unpaired surrogate");
    }

    [Fact]
    public void The_name_is_short_and_has_no_control_characters()
    {
        SearchSpecReader.Read("""{ "name": "abcdefghijk" }""", Small).Errors.ShouldHaveSingleItem().Path.ShouldBe("$.name");
        SearchSpecReader.Read("""{ "name": "a\u0000b" }""", Small).Errors.ShouldHaveSingleItem().Message.ShouldContain("control");
        SearchSpecReader.Read("""{ "name": "ok name" }""", Small).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Trials_epochs_batch_and_threads_are_capped_by_the_host()
    {
        var result = SearchSpecReader.Read("""
            { "budget": { "rounds": 20, "candidatesPerRound": 10, "maxTrials": 1000 },
              "training": { "epochs": 6, "batchSize": 65, "threads": 3 } }
            """, Small);

        result.Errors.Select(e => e.Path).ShouldBe(
            ["$.budget.candidatesPerRound", "$.budget.maxTrials", "$.training.epochs", "$.training.batchSize", "$.training.threads"],
            ignoreOrder: true);
        result.Errors.Single(e => e.Path == "$.budget.candidatesPerRound").Message.ShouldContain("200 trials");
        SearchSpecReader.Read("""{ "budget": { "rounds": 10000, "candidatesPerRound": 1000 } }""").Errors
            .ShouldHaveSingleItem().Message.ShouldContain("at most 10000");
        SearchSpecReader.Read("""{ "budget": { "rounds": 10, "candidatesPerRound": 10 }, "training": { "threads": 2, "epochs": 5 } }""", Small)
            .Errors.ShouldBeEmpty();
    }

    [Fact]
    public void The_host_sets_the_thread_cap_and_the_data_roots()
    {
        var limits = SpecLimits.For(new EvaluatorHostOptions { DataRoots = ["/srv/data"], MaxDatasetBytes = 123 });

        limits.MaxThreads.ShouldBe(Environment.ProcessorCount);
        limits.DataRoots.MaxBytes.ShouldBe(123);
        SpecLimits.For(new EvaluatorHostOptions()).DataRoots.Problem("/etc/passwd").ShouldBe(DataRoots.OutsideMessage);
        new EvaluatorHostOptions { DataRoots = ["relative"] }.Validate().ShouldContain(p => p.Contains("DataRoots"));
    }

    [Theory]
    [InlineData("""{ "space": { "kind": "macro-cnn", "classes": 2 } }""", "$.space.classes", "has 10 classes")]
    [InlineData("""{ "space": { "kind": "macro-cnn", "input": [3, 32, 32] } }""", "$.space.input", "holds [1, 28, 28] images")]
    [InlineData("""{ "space": { "kind": "nas-bench-201", "input": [1, 28, 28] }, "dataset": { "name": "cifar10", "path": "blob:cifar/" } }""",
        "$.space.input", "holds [3, 32, 32] images")]
    [InlineData("""{ "space": { "kind": "text-encoder", "vocabulary": 100, "maxLength": 8, "classes": 3 }, "dataset": { "name": "spam-assassin" } }""",
        "$.space.classes", "has 2 classes")]
    public void A_space_that_does_not_fit_its_data_set_is_an_error_at_its_path(string json, string path, string message)
    {
        var error = SearchSpecReader.Read(json).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe(path);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_space_that_states_its_data_sets_shape_is_fine()
    {
        SearchSpecReader.Read("""{ "space": { "kind": "macro-cnn", "classes": 10, "input": [1, 28, 28] } }""").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_path_outside_the_data_roots_gets_the_same_error_whether_it_exists_or_not()
    {
        using var data = new DataRootFolder();
        string secret = data.OutsideFile("secret.csv");
        string Spec(string path) => $$"""
            { "space": { "kind": "mlp", "inputs": 1, "classes": 2 }, "dataset": { "name": "csv", "path": "{{path}}" } }
            """;

        var exists = SearchSpecReader.Read(Spec(secret), data.Limits).Errors.ShouldHaveSingleItem();
        var missing = SearchSpecReader.Read(Spec(secret + ".missing"), data.Limits).Errors.ShouldHaveSingleItem();
        var climbing = SearchSpecReader.Read(Spec(data.Root + "/../x.csv"), data.Limits).Errors.ShouldHaveSingleItem();

        exists.ShouldBe(missing);
        climbing.ShouldBe(exists);
        exists.Path.ShouldBe("$.dataset.path");
        exists.Message.ShouldNotContain(secret);
        SearchSpecReader.Read(Spec(data.File("inside.csv")), data.Limits).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_path_error_names_no_install_folder()
    {
        var error = SearchSpecReader.Read("""{ "space": { "kind": "mlp", "inputs": 1, "classes": 2 }, "dataset": { "name": "csv" } }""")
            .Errors.ShouldHaveSingleItem();

        error.Message.ShouldNotContain("/usr/share");
        error.Message.ShouldNotContain("node_modules");
    }
}

/// <summary>No built-in space takes a layer wider than <see cref="NasFunctions.SearchSpace.LayerWidths.Max"/>.</summary>
public class LayerWidthLimitTests
{
    [Theory]
    [InlineData("""{ "space": { "kind": "macro-cnn", "channels": [8, 4097] } }""", "$.space.channels[1]")]
    [InlineData("""{ "space": { "kind": "nas-bench-201", "channels": 2147483647 } }""", "$.space.channels")]
    [InlineData("""{ "space": { "kind": "mlp", "inputs": 4, "classes": 2, "units": [100000] }, "dataset": { "name": "csv", "path": "blob:a.csv" } }""", "$.space.units[0]")]
    [InlineData("""{ "space": { "kind": "text-encoder", "vocabulary": 100, "maxLength": 8, "classes": 2, "embedding": [5000] }, "dataset": { "name": "spam-assassin" } }""", "$.space.embedding[0]")]
    [InlineData("""{ "space": { "kind": "text-encoder", "vocabulary": 100, "maxLength": 8, "classes": 2, "width": [9999] }, "dataset": { "name": "spam-assassin" } }""", "$.space.width[0]")]
    public void A_layer_wider_than_the_cap_is_an_error_at_its_path(string json, string path)
    {
        var error = SearchSpecReader.Read(json).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe(path);
        error.Message.ShouldContain("4096");
    }
}

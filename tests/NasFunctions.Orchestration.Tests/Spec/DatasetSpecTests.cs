using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

public class DatasetSpecTests
{
    [Fact]
    public void Reads_the_table_and_text_fields()
    {
        using var data = new DataRootFolder();
        string wine = data.File("wine.csv");
        string reviews = data.File("reviews.csv", "body,stars\nfine,5\n");
        var table = SearchSpecReader.Read($$"""
            { "space": { "kind": "mlp", "inputs": 13, "classes": 3 },
              "dataset": { "name": "csv", "path": "{{wine}}", "labelColumn": "class", "testFraction": 0.3 } }
            """, data.Limits);
        var text = SearchSpecReader.Read($$"""
            { "space": { "kind": "text-encoder", "vocabulary": 5000, "maxLength": 64, "classes": 2 },
              "dataset": { "name": "text-csv", "path": "{{reviews}}", "textColumn": "body", "labelColumn": "stars",
                           "maxVocabulary": 5000, "maxLength": 64 } }
            """, data.Limits);

        table.Errors.ShouldBeEmpty();
        table.Spec!.Dataset.ShouldBe(new DatasetSpec("csv", wine, 0.1, LabelColumn: "class", TestFraction: 0.3));
        text.Errors.ShouldBeEmpty();
        text.Spec!.Dataset.ShouldBe(new DatasetSpec(
            "text-csv", reviews, 0.1, LabelColumn: "stars", TextColumn: "body", MaxVocabulary: 5000, MaxLength: 64));
        var options = text.Spec.Dataset.ToOptions(7);
        (options.TextColumn, options.MaxLength, options.Seed).ShouldBe(("body", 64, 7));
    }

    [Fact]
    public void The_spam_corpus_needs_no_path()
    {
        var result = SearchSpecReader.Read("""
            { "space": { "kind": "text-encoder", "vocabulary": 2000, "maxLength": 32, "classes": 2 },
              "dataset": { "name": "spam-assassin" } }
            """);

        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_space_and_data_set_that_do_not_fit_are_spec_errors()
    {
        var images = SearchSpecReader.Read("""{ "space": { "kind": "nas-bench-201" }, "dataset": { "name": "spam-assassin" } }""");
        var table = SearchSpecReader.Read("""{ "space": { "kind": "mlp", "inputs": 4, "classes": 2 } }""");

        images.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.dataset.name");
        images.Errors[0].Message.ShouldContain("nas-bench-201");
        table.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.dataset");
        table.Errors[0].Message.ShouldContain("csv");
    }

    [Fact]
    public void Lists_every_dataset_error()
    {
        var result = SearchSpecReader.Read("""
            { "space": { "kind": "mlp", "inputs": 4, "classes": 2 },
              "dataset": { "name": "csv", "labelColumn": 3, "testFraction": 0.9, "maxVocabulary": 1, "maxLength": 0, "extra": true } }
            """);

        result.Errors.Select(e => e.Path).ShouldBe(
            ["$.dataset.labelColumn", "$.dataset.testFraction", "$.dataset.maxVocabulary", "$.dataset.maxLength", "$.dataset.extra", "$.dataset"],
            ignoreOrder: true);
        result.Errors.Single(e => e.Path == "$.dataset").Message.ShouldContain("Path is required");
    }

    [Fact]
    public void A_blob_path_names_one_blob_or_a_folder_in_the_data_set_container()
    {
        var table = SearchSpecReader.Read("""
            { "space": { "kind": "mlp", "inputs": 13, "classes": 3 },
              "dataset": { "name": "csv", "path": "blob:wine/wine.csv", "labelColumn": "class" } }
            """);
        var images = SearchSpecReader.Read("""{ "dataset": { "name": "fashion-mnist", "path": "blob:fashion-mnist/" } }""");

        table.Errors.ShouldBeEmpty();
        table.Spec!.Dataset.Path.ShouldBe("blob:wine/wine.csv");
        images.Errors.ShouldBeEmpty();
        images.Spec!.Dataset.ToOptions(0).Path.ShouldBe("blob:fashion-mnist/");
    }

    [Theory]
    [InlineData("csv", "blob:", "names no blob")]
    [InlineData("csv", "blob:/", "names no blob")]
    [InlineData("csv", "blob:wine/../wine.csv", "'..' segment")]
    [InlineData("csv", "blob:/wine.csv", "must not start with '/'")]
    [InlineData("csv", "blob:wine//wine.csv", "empty segment")]
    [InlineData("fashion-mnist", "blob:fashion-mnist", "end the prefix with '/' (blob:fashion-mnist/)")]
    [InlineData("spam-assassin", "blob:spam", "end the prefix with '/'")]
    public void A_malformed_blob_path_is_an_error_at_the_path(string name, string path, string problem)
    {
        var space = name switch
        {
            "csv" => """{ "kind": "mlp", "inputs": 13, "classes": 3 }""",
            "spam-assassin" => """{ "kind": "text-encoder", "vocabulary": 2000, "maxLength": 32, "classes": 2 }""",
            _ => """{ "kind": "macro-cnn" }""",
        };

        var result = SearchSpecReader.Read($$"""{ "space": {{space}}, "dataset": { "name": "{{name}}", "path": "{{path}}" } }""");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("$.dataset.path");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Blob_path_errors_are_listed_beside_the_other_dataset_errors()
    {
        var result = SearchSpecReader.Read("""
            { "space": { "kind": "mlp", "inputs": 4, "classes": 2 },
              "dataset": { "name": "csv", "path": "blob:/../wine.csv", "labelColumn": 3, "testFraction": 0.9 } }
            """);

        result.Errors.Select(e => e.Path).ShouldBe(
            ["$.dataset.labelColumn", "$.dataset.testFraction", "$.dataset.path", "$.dataset.path"], ignoreOrder: true);
    }
}

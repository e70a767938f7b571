using System.Text.Json;
using NasFunctions.SearchSpace.Language;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.TextEncoder;

namespace NasFunctions.SearchSpace.Tests;

public class SearchSpaceCatalogTests
{
    private static ISearchSpace? Read(string json, List<SpecError> errors) =>
        SearchSpaceCatalog.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);

    [Fact]
    public void Dispatches_macro_cnn()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "macro-cnn", "maxBlocks": 2 }""", errors);

        errors.ShouldBeEmpty();
        space.ShouldBeOfType<MacroCnnSpace>().Options.MaxBlocks.ShouldBe(2);
        space.Kind.ShouldBe("macro-cnn");
    }

    [Fact]
    public void Dispatches_nas_bench_201()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "nas-bench-201", "operations": ["none", "nor_conv_3x3"] }""", errors);

        errors.ShouldBeEmpty();
        space.ShouldBeOfType<NasBench201Space>().Size.ShouldBe(64);
        space.Kind.ShouldBe("nas-bench-201");
    }

    [Fact]
    public void Dispatches_custom()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "custom", "parameters": { "lr": { "float": [0.1, 0.5] } } }""", errors);

        errors.ShouldBeEmpty();
        space.ShouldBeOfType<CustomSpace>().Size.ShouldBe(5);
        space.Kind.ShouldBe("custom");
    }

    [Fact]
    public void Dispatches_mlp()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "mlp", "inputs": 8, "classes": 2, "maxLayers": 1 }""", errors);

        errors.ShouldBeEmpty();
        space.ShouldBeOfType<MlpSpace>().Options.Inputs.ShouldBe(8);
        space.Kind.ShouldBe("mlp");
    }

    [Fact]
    public void Dispatches_text_encoder()
    {
        var errors = new List<SpecError>();
        var space = Read("""{ "kind": "text-encoder", "vocabulary": 100, "maxLength": 16, "classes": 2 }""", errors);

        errors.ShouldBeEmpty();
        space.ShouldBeOfType<TextEncoderSpace>().Options.Vocabulary.ShouldBe(100);
        space.Kind.ShouldBe("text-encoder");
    }

    [Fact]
    public void Passes_on_the_kinds_errors_with_their_paths()
    {
        var errors = new List<SpecError>();
        Read("""{ "kind": "macro-cnn", "channels": [0] }""", errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.space.channels[0]", "must be positive, not 0")]);
    }

    [Theory]
    [InlineData("""{ "maxBlocks": 2 }""", "$.space.kind", "is required; known kinds: macro-cnn, nas-bench-201, custom, mlp, text-encoder, seq2seq")]
    [InlineData("""{ "kind": "transformer" }""", "$.space.kind", "unknown kind 'transformer'; known kinds: macro-cnn, nas-bench-201, custom, mlp, text-encoder, seq2seq")]
    [InlineData("""{ "kind": 3 }""", "$.space.kind", "must be a string, not a number")]
    [InlineData("""3""", "$.space", "must be an object, not a number")]
    public void Rejects_a_missing_or_unknown_kind(string json, string path, string message)
    {
        var errors = new List<SpecError>();
        Read(json, errors).ShouldBeNull();
        errors.ShouldBe([new SpecError(path, message)]);
    }

    [Fact]
    public void Lists_known_kinds() => SearchSpaceCatalog.Kinds.ShouldBe(["macro-cnn", "nas-bench-201", "custom", "mlp", "text-encoder", "seq2seq"]);
}

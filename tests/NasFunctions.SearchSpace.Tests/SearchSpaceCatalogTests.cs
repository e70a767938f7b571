using System.Text.Json;
using NasFunctions.SearchSpace.MacroCnn;

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
    public void Passes_on_the_kinds_errors_with_their_paths()
    {
        var errors = new List<SpecError>();
        Read("""{ "kind": "macro-cnn", "channels": [0] }""", errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.space.channels[0]", "must be positive, not 0")]);
    }

    [Theory]
    [InlineData("""{ "maxBlocks": 2 }""", "$.space.kind", "is required; known kinds: macro-cnn")]
    [InlineData("""{ "kind": "transformer" }""", "$.space.kind", "unknown kind 'transformer'; known kinds: macro-cnn")]
    [InlineData("""{ "kind": 3 }""", "$.space.kind", "must be a string, not a number")]
    [InlineData("""3""", "$.space", "must be an object, not a number")]
    public void Rejects_a_missing_or_unknown_kind(string json, string path, string message)
    {
        var errors = new List<SpecError>();
        Read(json, errors).ShouldBeNull();
        errors.ShouldBe([new SpecError(path, message)]);
    }

    [Fact]
    public void Lists_known_kinds() => SearchSpaceCatalog.Kinds.ShouldBe(["macro-cnn"]);
}

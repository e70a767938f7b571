namespace NasFunctions.SearchSpace.Tests;

public class SpecJsonTests
{
    [Theory]
    [InlineData("$.space", "channels", "$.space.channels")]
    [InlineData("$", "_x1", "$._x1")]
    [InlineData("$.options", "odd name", "$.options['odd name']")]
    [InlineData("$.options", "it's", "$.options['it\\'s']")]
    [InlineData("$", "", "$['']")]
    public void Property_paths_quote_names_that_are_not_identifiers(string path, string name, string expected) =>
        SpecJson.Property(path, name).ShouldBe(expected);

    [Fact]
    public void Index_paths_use_brackets() => SpecJson.Index("$.space.channels", 12).ShouldBe("$.space.channels[12]");

    [Fact]
    public void Repeated_fields_are_reported()
    {
        var errors = new List<SpecError>();
        var fields = SpecJson.ReadObject(System.Text.Json.JsonDocument.Parse("""{ "a": 1, "a": 2 }""").RootElement, "$", ["a"], errors);

        fields.ShouldNotBeNull().Keys.ShouldBe(["a"]);
        errors.ShouldBe([new SpecError("$.a", "field appears more than once")]);
    }
}

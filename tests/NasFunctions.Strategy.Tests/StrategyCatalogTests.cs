using System.Text.Json;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Strategy.Tests;

public class StrategyCatalogTests
{
    private static readonly Fidelity Fidelity = new(2, 0.25);

    private static ISearchStrategy? Create(string name, string? options, List<SpecError> errors) =>
        StrategyCatalog.Create(
            name,
            options is null ? null : JsonDocument.Parse(options).RootElement,
            MacroCnnSpace.Default,
            Fidelity,
            "$.strategy",
            errors);

    [Fact]
    public void Creates_random_search_with_defaults_when_options_are_absent_or_null()
    {
        var errors = new List<SpecError>();

        Create("random", null, errors).ShouldBeOfType<RandomSearch>().Name.ShouldBe("random");
        Create("random", "null", errors).ShouldBeOfType<RandomSearch>();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Passes_the_options_and_the_default_fidelity()
    {
        var errors = new List<SpecError>();
        var search = Create("random", """{ "maxAttemptsPerCandidate": 5, "enumerationLimit": 0 }""", errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        search.Propose(2, new Random(1)).ShouldAllBe(c => c.Fidelity == Fidelity);
    }

    [Theory]
    [InlineData("evolutionary")]
    [InlineData("Random")]
    public void Unknown_strategy_names_list_the_known_ones(string name)
    {
        var errors = new List<SpecError> { new("$.space", "earlier") };

        Create(name, "{}", errors).ShouldBeNull();

        errors.ShouldBe([new("$.space", "earlier"), new("$.strategy.name", $"unknown strategy '{name}'; known strategies: random")]);
    }

    [Fact]
    public void Missing_name_is_an_error()
    {
        var errors = new List<SpecError>();
        Create(" ", null, errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.strategy.name", "is required; known strategies: random")]);
    }

    [Fact]
    public void Lists_every_option_error()
    {
        var errors = new List<SpecError>();

        Create("random", """{ "population": 20, "maxAttemptsPerCandidate": "many", "enumerationLimit": -3 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.population", "unknown field; known fields: maxAttemptsPerCandidate, enumerationLimit"),
            new("$.strategy.options.maxAttemptsPerCandidate", "must be a whole number, not a string"),
            new("$.strategy.options.enumerationLimit", "must be at least 0, not -3"),
        ]);
    }

    [Fact]
    public void Options_must_be_an_object()
    {
        var errors = new List<SpecError>();
        Create("random", "[1]", errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.strategy.options", "must be an object, not an array")]);
    }

    [Fact]
    public void An_invalid_default_fidelity_is_the_callers_bug() =>
        Should.Throw<ArgumentException>(() =>
            StrategyCatalog.Create("random", null, MacroCnnSpace.Default, new Fidelity(0, 1), "$.strategy", []));

    [Fact]
    public void Lists_known_names() => StrategyCatalog.Names.ShouldBe(["random"]);
}

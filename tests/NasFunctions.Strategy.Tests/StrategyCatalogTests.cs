using System.Text.Json;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Strategy.Evolution;
using NasFunctions.Strategy.Objectives;
using NasFunctions.Strategy.Reinforce;

namespace NasFunctions.Strategy.Tests;

public class StrategyCatalogTests
{
    private static readonly Fidelity Fidelity = new(2, 0.25);
    private static readonly string Known = string.Join(", ", StrategyCatalog.Names);

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

        errors.ShouldBe([new("$.space", "earlier"), new("$.strategy.name", $"unknown strategy '{name}'; known strategies: {Known}")]);
    }

    [Fact]
    public void Missing_name_is_an_error()
    {
        var errors = new List<SpecError>();
        Create(" ", null, errors).ShouldBeNull();
        errors.ShouldBe([new SpecError("$.strategy.name", $"is required; known strategies: {Known}")]);
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
    public void Lists_known_names() => StrategyCatalog.Names.Take(3).ShouldBe(["random", "evolution", "rl"]);

    [Fact]
    public void Creates_evolution_with_its_options()
    {
        var errors = new List<SpecError>();

        var evolution = Create("evolution", """{ "populationSize": 8, "sampleSize": 3 }""", errors).ShouldBeOfType<RegularizedEvolution>();

        errors.ShouldBeEmpty();
        evolution.ToString().ShouldBe("evolution(P=8, S=3)");
        Create("evolution", """{ "populationSize": 7 }""", errors).ShouldBeOfType<RegularizedEvolution>().ToString().ShouldBe("evolution(P=7, S=4)");
        evolution.Propose(2, new Random(1)).ShouldAllBe(c => c.Fidelity == Fidelity);
    }

    [Fact]
    public void Lists_every_evolution_option_error()
    {
        var errors = new List<SpecError>();

        Create("evolution", """{ "populationSize": 1, "sampleSize": "five", "mutationWalk": -2, "tournament": 3 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.tournament", "unknown field; known fields: populationSize, sampleSize, mutationWalk, maxAttemptsPerCandidate, enumerationLimit"),
            new("$.strategy.options.sampleSize", "must be a whole number, not a string"),
            new("$.strategy.options.populationSize", "must be at least 2, not 1"),
            new("$.strategy.options.mutationWalk", "must be at least 0, not -2"),
        ]);
    }

    [Fact]
    public void Creates_the_rl_controller_and_lists_its_option_errors()
    {
        var errors = new List<SpecError>();
        using (Create("rl", """{ "hiddenSize": 16, "learningRate": 0.01 }""", errors).ShouldBeOfType<ReinforceController>())
        {
            errors.ShouldBeEmpty();
        }

        Create("rl", """{ "hiddenSize": 0, "learningRate": "fast", "baselineDecay": 1.5 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.learningRate", "must be a finite number, not a string"),
            new("$.strategy.options.hiddenSize", "must be from 1 to 1024, not 0"),
            new("$.strategy.options.baselineDecay", "must be in [0, 1), not 1.5"),
        ]);
    }

    [Fact]
    public void Objectives_in_the_options_wrap_any_strategy()
    {
        var errors = new List<SpecError>();

        var constrained = Create(
            "evolution",
            """{ "populationSize": 8, "objectives": { "maxParameters": 100000, "pareto": ["accuracy", "parameters"] } }""",
            errors).ShouldBeOfType<ConstrainedStrategy>();

        errors.ShouldBeEmpty();
        constrained.Name.ShouldBe("evolution");
        constrained.Inner.ToString().ShouldBe("evolution(P=8, S=4)");
        Create("random", """{ "objectives": { "maxFlops": 5e6 } }""", errors).ShouldBeOfType<ConstrainedStrategy>().Inner.ShouldBeOfType<RandomSearch>();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Lists_objective_and_strategy_option_errors_together()
    {
        var errors = new List<SpecError>();

        Create("evolution", """{ "populationSize": 0, "objectives": { "maxParameters": -5, "pareto": ["accuracy", 3], "latency": 1 } }""", errors)
            .ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.objectives.latency", "unknown field; known fields: maxParameters, maxFlops, maxLatencyMs, penalty, pareto"),
            new("$.strategy.options.objectives.pareto[1]", "must be a string, not a number"),
            new("$.strategy.options.objectives.maxParameters", "must be a finite number above 0, not -5"),
            new("$.strategy.options.populationSize", "must be at least 2, not 0"),
        ]);
    }
}

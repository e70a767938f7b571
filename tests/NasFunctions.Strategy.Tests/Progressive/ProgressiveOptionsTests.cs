using System.Text.Json;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.Strategy.Progressive;

namespace NasFunctions.Strategy.Tests.Progressive;

public class ProgressiveOptionsTests
{
    private static readonly Fidelity Fidelity = new(3, 1.0);

    private static ProgressiveOptions? Read(string? json, List<SpecError> errors) =>
        ProgressiveOptions.FromJson(json is null ? null : JsonDocument.Parse(json).RootElement, Fidelity, "$.strategy.options", errors);

    [Fact]
    public void Absent_or_null_options_are_the_defaults()
    {
        var errors = new List<SpecError>();

        var options = Read(null, errors).ShouldNotBeNull();
        Read("null", errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        options.DefaultFidelity.ShouldBe(Fidelity);
        options.Beam.ShouldBe(4);
        options.WidenAfter.ShouldBe(8);
        options.GrowthPerRound.ShouldBe(1);
        options.Exploration.ShouldBe(1.0);
        options.Interactions.ShouldBe(2);
        options.EnumerationLimit.ShouldBe(100_000);
        options.SamplesPerRound.ShouldBe(2000);
    }

    [Fact]
    public void Reads_every_field()
    {
        var errors = new List<SpecError>();

        var options = Read(
            """{ "beam": 2, "widenAfter": 0, "growthPerRound": 2, "exploration": 0.5, "interactions": 3, "enumerationLimit": 10, "samplesPerRound": 50 }""",
            errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        (options.Beam, options.WidenAfter, options.GrowthPerRound, options.Exploration, options.Interactions, options.EnumerationLimit, options.SamplesPerRound)
            .ShouldBe((2, 0, 2, 0.5, 3, 10L, 50));
    }

    [Fact]
    public void Lists_every_error_at_its_path()
    {
        var errors = new List<SpecError>();

        var options = Read(
            """{ "beam": 0, "widenAfter": -1, "growthPerRound": 0, "exploration": -0.5, "interactions": 4, "enumerationLimit": -2, "samplesPerRound": "many", "ridge": 1 }""",
            errors);

        options.ShouldBeNull();
        errors.Select(e => e.Path).ShouldBe(
            [
                "$.strategy.options.ridge",
                "$.strategy.options.samplesPerRound",
                "$.strategy.options.beam",
                "$.strategy.options.widenAfter",
                "$.strategy.options.growthPerRound",
                "$.strategy.options.enumerationLimit",
                "$.strategy.options.exploration",
                "$.strategy.options.interactions",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void The_catalog_creates_it_by_name_with_its_options()
    {
        var errors = new List<SpecError>();
        var options = JsonDocument.Parse("""{ "beam": 3 }""").RootElement;

        var search = StrategyCatalog.Create("progressive", options, NasBench201Space.Default, Fidelity, "$.strategy", errors);

        errors.ShouldBeEmpty();
        search.ShouldBeOfType<ProgressiveSearch>().Name.ShouldBe("progressive");
        StrategyCatalog.Create("progressive", JsonDocument.Parse("""{ "beam": 0 }""").RootElement, NasBench201Space.Default, Fidelity, "$.strategy", errors)
            .ShouldBeNull();
        errors.ShouldHaveSingleItem().Path.ShouldBe("$.strategy.options.beam");
    }

    [Fact]
    public void The_constructor_rejects_invalid_options() =>
        Should.Throw<ArgumentException>(() => new ProgressiveSearch(NasBench201Space.Default, new ProgressiveOptions { Exploration = double.NaN }));
}

using System.Text.Json;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.MultiFidelity;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

public class MultiFidelityOptionsTests
{
    private static MultiFidelityOptions? Read(string? json, List<SpecError> errors, int epochs = 9, bool halving = true) =>
        MultiFidelityOptions.FromJson(
            json is null ? null : JsonDocument.Parse(json).RootElement, new Fidelity(epochs, 0.5), "$.strategy.options", errors, halving);

    [Theory]
    [InlineData(9, 3, 1)]
    [InlineData(27, 3, 3)]
    [InlineData(10, 3, 1)]
    [InlineData(26, 3, 2)]
    [InlineData(8, 2, 2)]
    public void Max_epochs_default_to_the_training_epochs_and_min_epochs_to_max_over_eta_squared(int epochs, int eta, int min)
    {
        var errors = new List<SpecError>();

        var options = Read($$"""{ "eta": {{eta}} }""", errors, epochs).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        options.EffectiveMaxEpochs.ShouldBe(epochs);
        options.EffectiveMinEpochs.ShouldBe(min);
    }

    [Fact]
    public void Absent_or_null_options_are_the_defaults()
    {
        var errors = new List<SpecError>();

        var options = Read(null, errors).ShouldNotBeNull();
        Read("null", errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
        options.Eta.ShouldBe(3);
        (options.MinEpochs, options.MaxEpochs, options.Candidates).ShouldBe((null, null, null));
        options.DefaultFidelity.ShouldBe(new Fidelity(9, 0.5));
    }

    [Fact]
    public void Reads_every_field()
    {
        var errors = new List<SpecError>();

        var options = Read("""{ "eta": 2, "minEpochs": 2, "maxEpochs": 16, "candidates": 12, "proposer": { "name": "evolution" } }""", errors)
            .ShouldNotBeNull();

        errors.ShouldBeEmpty();
        (options.Eta, options.MinEpochs, options.MaxEpochs, options.Candidates).ShouldBe((2, 2, 16, 12));
    }

    [Fact]
    public void Lists_every_problem_at_its_path()
    {
        var errors = new List<SpecError>();

        Read("""{ "eta": 1, "minEpochs": 0, "maxEpochs": "many", "candidates": 0, "rungs": 3 }""", errors).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.rungs", "unknown field; known fields: proposer, eta, minEpochs, maxEpochs, candidates"),
            new("$.strategy.options.maxEpochs", "must be a whole number, not a string"),
            new("$.strategy.options.eta", "must be at least 2, not 1"),
            new("$.strategy.options.minEpochs", "must be at least 1, not 0"),
            new("$.strategy.options.candidates", "must be at least 1, not 0"),
        ]);
    }

    [Fact]
    public void Max_epochs_must_leave_room_for_two_rungs()
    {
        var errors = new List<SpecError>();

        Read("""{ "minEpochs": 2, "maxEpochs": 5 }""", errors).ShouldBeNull();
        Read(null, errors, epochs: 2).ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.maxEpochs", "must be at least minEpochs * eta = 6: successive halving needs at least two rungs; it is 5"),
            new("$.strategy.options.maxEpochs", "must be at least minEpochs * eta = 3: successive halving needs at least two rungs; it is 2 (the training epochs, its default)"),
        ]);
    }

    [Fact]
    public void Candidates_are_for_halving_only()
    {
        var errors = new List<SpecError>();

        Read("""{ "candidates": 9 }""", errors, halving: false).ShouldBeNull();

        errors.ShouldBe([new SpecError("$.strategy.options.candidates", "unknown field; known fields: proposer, eta, minEpochs, maxEpochs")]);
    }
}

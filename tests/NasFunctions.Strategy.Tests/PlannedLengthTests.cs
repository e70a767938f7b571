using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests;

/// <summary>The epochs a schedule is planned over: a multi-fidelity strategy's top rung (through constraints too), else the search's.</summary>
public sealed class PlannedLengthTests
{
    private static readonly SyntheticProblem Problem = new();
    private static readonly Fidelity Fidelity = new(3, 0.5);

    [Theory]
    [InlineData("random", null, 3)]
    [InlineData("evolution", null, 3)]
    [InlineData("halving", """{ "minEpochs": 1, "maxEpochs": 9 }""", 9)]
    [InlineData("hyperband", """{ "maxEpochs": 27 }""", 27)]
    [InlineData("halving", """{ "maxEpochs": 9, "objectives": { "maxParameters": 1000 } }""", 9)]
    public void Is_the_longest_training_a_trial_of_the_strategy_gets(string name, string? options, int epochs)
    {
        var errors = new List<SpecError>();
        var strategy = StrategyCatalog.Create(
            name, options is null ? null : JsonDocument.Parse(options).RootElement, Problem.Space, Fidelity, "$.strategy", errors);

        errors.ShouldBeEmpty();
        PlannedLength.Epochs(strategy!, Fidelity).ShouldBe(epochs);
    }
}

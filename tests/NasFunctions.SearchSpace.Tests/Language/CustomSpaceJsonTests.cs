using System.Text.Json;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace.Tests.Language;

public class CustomSpaceJsonTests
{
    private static List<SpecError> Errors(string json)
    {
        var errors = new List<SpecError>();
        CustomSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors).ShouldBeNull();
        return errors;
    }

    private static CustomSpace Read(string json)
    {
        var errors = new List<SpecError>();
        var space = CustomSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);
        errors.ShouldBeEmpty();
        return space.ShouldNotBeNull();
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        var errors = Errors("""
            { "kind": "custom", "extra": 1, "parameters": {
                "a": { "choice": [] },
                "b": { "choice": ["x", "x", "y z", 3, ""] },
                "c": { "int": [10, 1] },
                "d": { "int": [0, 10], "step": 3 },
                "e": { "int": [0, 100], "log": true, "step": 2, "levels": 1 },
                "f": { "int": [1, 10], "levels": 3 },
                "g": { "float": [0, -1], "log": true },
                "h": { "float": [0, 1], "levels": 0, "step": 0.1 },
                "i": { "repeat": { "min": 3, "max": 2, "depth": 1 }, "each": { "x": { "repeat": { "min": 1, "max": 2 } }, "y": { "choice": ["p"] } } },
                "j": { "repeat": { "max": 40 } },
                "k": { "cell": { "nodes": 1, "operations": ["a", "a"] } },
                "l": { "cell": { } },
                "m": { "size": 3 },
                "n": { "choice": ["a"], "int": [1, 2] },
                "bad name": { "choice": ["a"] },
                "a": { "choice": ["q"] },
                "o": 5,
                "p": { "int": [1, 2, 3] },
                "q": { "int": [0, 5000] },
                "r": { "float": ["0", 1], "log": "yes" }
            } }
            """);

        errors.ShouldBe(
        [
            new("$.space.extra", "unknown field; known fields: kind, parameters"),
            new("$.space.parameters.a.choice", "must list at least one value"),
            new("$.space.parameters.b.choice[1]", "repeats 'x'"),
            new("$.space.parameters.b.choice[2]", "'y z' may not contain whitespace or any of ; = [ ] | , ~ +"),
            new("$.space.parameters.b.choice[3]", "must be a string, not a number"),
            new("$.space.parameters.b.choice[4]", "must not be empty"),
            new("$.space.parameters.c.int", "low must not exceed high, not [10, 1]"),
            new("$.space.parameters.d.step", "must divide high - low (10), not 3"),
            new("$.space.parameters.e.step", "does not go with log: true; a log range is cut into levels"),
            new("$.space.parameters.e.int[0]", "must be at least 1 on a log range, not 0"),
            new("$.space.parameters.e.levels", "must be from 2 to 1000, not 1"),
            new("$.space.parameters.f.levels", "needs log: true; a linear integer range is cut by step"),
            new("$.space.parameters.g.float", "low must not exceed high, not [0, -1]"),
            new("$.space.parameters.g.float[0]", "must be positive on a log range, not 0"),
            new("$.space.parameters.h.step", "unknown field; known fields: float, log, levels"),
            new("$.space.parameters.h.levels", "must be from 2 to 1000, not 0"),
            new("$.space.parameters.i.repeat.depth", "unknown field; known fields: min, max"),
            new("$.space.parameters.i.repeat.min", "must not exceed max (2), not 3"),
            new("$.space.parameters.i.each.x.repeat", "a repeat's items take choice, int or float parameters only"),
            new("$.space.parameters.j.repeat.min", "is required"),
            new("$.space.parameters.j.repeat.max", "must be from 1 to 16, not 40"),
            new("$.space.parameters.j.each", "is required: the parameters of one item"),
            new("$.space.parameters.k.cell.nodes", "must be from 2 to 8, not 1"),
            new("$.space.parameters.k.cell.operations[1]", "repeats 'a'"),
            new("$.space.parameters.l.cell.nodes", "is required"),
            new("$.space.parameters.l.cell.operations", "is required: the operations an edge may pick"),
            new("$.space.parameters.m", "is none of the parameter kinds; give one of choice, int, float, repeat, cell"),
            new("$.space.parameters.n", "has several kinds (choice, int); give exactly one"),
            new("$.space.parameters['bad name']", "'bad name' is not a usable parameter name: use letters, digits and '_', starting with a letter or '_'"),
            new("$.space.parameters.a", "parameter appears more than once"),
            new("$.space.parameters.o", "must be an object with one of choice, int, float, repeat, cell, not a number"),
            new("$.space.parameters.p.int", "must be [low, high], not 3 numbers"),
            new("$.space.parameters.q.int", "gives 5001 values, but at most 1000 are allowed; raise step"),
            new("$.space.parameters.r.float[0]", "must be a finite number, not a string"),
            new("$.space.parameters.r.log", "must be true or false, not a string"),
        ]);
    }

    [Theory]
    [InlineData("""{ "kind": "custom" }""", "$.space.parameters", "is required: an object of named parameters")]
    [InlineData("""{ "kind": "custom", "parameters": {} }""", "$.space.parameters", "must define at least one parameter")]
    [InlineData("""{ "kind": "custom", "parameters": [] }""", "$.space.parameters", "must be an object of named parameters, not an array")]
    [InlineData("""{ "kind": "mlp", "parameters": { "a": { "choice": ["x"] } } }""", "$.space.kind", "must be 'custom' here, not 'mlp'")]
    [InlineData("""[]""", "$.space", "must be an object, not an array")]
    public void Rejects_a_space_without_parameters(string json, string path, string message) =>
        Errors(json).ShouldBe([new SpecError(path, message)]);

    [Fact]
    public void Discretizes_number_ranges()
    {
        var space = Read("""
            { "kind": "custom", "parameters": {
                "a": { "int": [3, 7] },
                "b": { "int": [1, 1000], "log": true, "levels": 4 },
                "c": { "int": [1, 4], "log": true, "levels": 10 },
                "d": { "float": [0, 1] },
                "e": { "float": [0.5, 0.5], "levels": 3 },
                "f": { "float": [1e-6, 1e-3], "log": true, "levels": 4 },
                "g": { "int": [5, 5] }
            } }
            """);

        space.Decisions.Select(d => d.Choices).ShouldBe<IReadOnlyList<string>>(
        [
            ["3", "4", "5", "6", "7"],
            ["1", "10", "100", "1000"],
            ["1", "2", "3", "4"],
            ["0", "0.25", "0.5", "0.75", "1"],
            ["0.5"],
            ["1E-06", "1E-05", "0.0001", "0.001"],
            ["5"],
        ]);
        space.Parameters[5].ShouldBeOfType<FloatParameter>().Numbers.ShouldBe([1e-6, 1e-5, 1e-4, 1e-3]);
        space.Decode(space.Parse("a=3;b=10;c=2;d=0.75;e=0.5;f=1E-05;g=5")).Double("f").ShouldBe(1e-5);
    }
}

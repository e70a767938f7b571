using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>Creates a strategy by its spec name, reading and validating its options.</summary>
public static class StrategyCatalog
{
    private delegate ISearchStrategy? Factory(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.Ordinal)
    {
        [RandomSearch.StrategyName] = CreateRandom,
    };

    /// <summary>The strategy names this catalog knows.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>
    /// Creates strategy <paramref name="name"/> over <paramref name="space"/>, appending every problem with the name (at
    /// <c>{path}.name</c>) or its options (at <c>{path}.options...</c>); null when there was any.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="defaultFidelity"/> is invalid (the spec reader checks it first).</exception>
    public static ISearchStrategy? Create(
        string name, JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(defaultFidelity);
        ArgumentNullException.ThrowIfNull(errors);
        var fidelityProblems = FidelityRules.Problems(defaultFidelity);
        if (fidelityProblems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", fidelityProblems), nameof(defaultFidelity));
        }

        var namePath = SpecJson.Property(path, "name");
        var known = string.Join(", ", Names);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new SpecError(namePath, $"is required; known strategies: {known}"));
            return null;
        }

        if (!Factories.TryGetValue(name, out var factory))
        {
            errors.Add(new SpecError(namePath, $"unknown strategy '{name}'; known strategies: {known}"));
            return null;
        }

        return factory(options, space, defaultFidelity, SpecJson.Property(path, "options"), errors);
    }

    private static RandomSearch? CreateRandom(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        RandomSearchOptions.FromJson(options, defaultFidelity, optionsPath, errors) is { } read ? new RandomSearch(space, read) : null;
}

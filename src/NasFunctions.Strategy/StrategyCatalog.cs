using System.Text.Json;
using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.Evolution;
using NasFunctions.Strategy.MultiFidelity;
using NasFunctions.Strategy.Objectives;
using NasFunctions.Strategy.Reinforce;

namespace NasFunctions.Strategy;

/// <summary>Creates a strategy by its spec name, reading and validating its options.</summary>
public static class StrategyCatalog
{
    private const string ObjectivesField = "objectives";

    private delegate ISearchStrategy? Factory(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.Ordinal)
    {
        [RandomSearch.StrategyName] = CreateRandom,
        [RegularizedEvolution.StrategyName] = CreateEvolution,
        [ReinforceController.StrategyName] = CreateReinforce,
        [Progressive.ProgressiveSearch.StrategyName] = (o, s, f, p, e) => Progressive.ProgressiveOptions.FromJson(o, f, p, e) is { } read ? new Progressive.ProgressiveSearch(s, read) : null,
        [SuccessiveHalving.StrategyName] = MultiFidelityCatalog.CreateHalving,
        [Hyperband.StrategyName] = MultiFidelityCatalog.CreateHyperband,
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

        return WithObjectives(factory, options, space, defaultFidelity, SpecJson.Property(path, "options"), errors);
    }

    /// <summary>
    /// The strategy of <paramref name="factory"/>; when its options hold an <c>objectives</c> object, that field is read as
    /// <see cref="ObjectivesOptions"/> (at <c>{optionsPath}.objectives</c>), the rest goes to the factory, and the strategy is
    /// wrapped in a <see cref="ConstrainedStrategy"/>.
    /// </summary>
    private static ISearchStrategy? WithObjectives(
        Factory factory, JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors)
    {
        if (options is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty(ObjectivesField, out var objectivesElement))
        {
            return factory(options, space, defaultFidelity, optionsPath, errors);
        }

        var rest = JsonNode.Parse(json.GetRawText())!.AsObject();
        rest.Remove(ObjectivesField);
        using var restDocument = JsonDocument.Parse(rest.ToJsonString());
        var before = errors.Count;
        var objectives = ObjectivesOptions.FromJson(objectivesElement, SpecJson.Property(optionsPath, ObjectivesField), errors);
        var inner = factory(restDocument.RootElement.Clone(), space, defaultFidelity, optionsPath, errors);
        return inner is null || objectives is null || errors.Count > before ? null : new ConstrainedStrategy(inner, space, objectives);
    }

    private static RandomSearch? CreateRandom(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        RandomSearchOptions.FromJson(options, defaultFidelity, optionsPath, errors) is { } read ? new RandomSearch(space, read) : null;

    private static RegularizedEvolution? CreateEvolution(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        RegularizedEvolutionOptions.FromJson(options, defaultFidelity, optionsPath, errors) is { } read ? new RegularizedEvolution(space, read) : null;

    private static ReinforceController? CreateReinforce(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        ReinforceControllerOptions.FromJson(options, defaultFidelity, optionsPath, errors) is { } read ? new ReinforceController(space, read) : null;
}

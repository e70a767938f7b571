using System.Globalization;
using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Evolution;

/// <summary>Regularized (aging) evolution (Real et al., 2019): tournament selection, one-decision mutation, the oldest member dies.</summary>
/// <remarks>
/// The first <see cref="RegularizedEvolutionOptions.PopulationSize"/> proposals are random. Afterwards each proposal draws
/// <see cref="RegularizedEvolutionOptions.EffectiveSampleSize"/> members, takes the fittest as parent and proposes one of its unseen
/// one-decision neighbours, drawn uniformly (a mutation that leaves the canonical string unchanged does not count). When every
/// neighbour was seen it walks on from the parent, then falls back to a random unseen architecture. Nothing proposed or learned
/// about is ever proposed again, so no query is spent twice; a batch holds distinct candidates. Each measured outcome joins the
/// population and, once it is full, the oldest member leaves; failed trials (no fitness) do not join.
/// </remarks>
public sealed class RegularizedEvolution : ISearchStrategy
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "evolution";

    private const int StateVersion = 1;

    private readonly ISearchSpace _space;
    private readonly RegularizedEvolutionOptions _options;
    private readonly List<PopulationMember> _population = [];
    private readonly UnseenSampler _unseen;
    private int _randomProposed;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public RegularizedEvolution(ISearchSpace space, RegularizedEvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        OptionRules.ThrowIfInvalid(options.Validate(), "evolution");
        _space = space;
        _options = options;
        _unseen = new UnseenSampler(space);
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _unseen.IsExhausted;

    /// <summary>The living members, oldest first.</summary>
    public IReadOnlyList<PopulationMember> Population => _population;

    /// <summary>How many distinct architectures were proposed or learned about.</summary>
    public int SeenCount => _unseen.Seen.Count;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        return _unseen.Propose(count, _options.DefaultFidelity, () => Next(random));
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            _unseen.Seen.Add(outcome.Architecture.Canonical);
            if (outcome.Fitness is not { } fitness || !double.IsFinite(fitness))
            {
                continue;
            }

            _population.Add(new PopulationMember(outcome.Architecture, fitness));
            if (_population.Count > _options.PopulationSize)
            {
                _population.RemoveAt(0);
            }
        }
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(StrategyName, StateVersion);
        state["searchFailed"] = _unseen.SearchFailed;
        state["randomProposed"] = _randomProposed;
        state["population"] = new JsonArray([.. _population.Select(m => (JsonNode)new JsonObject
        {
            ["architecture"] = m.Architecture.Canonical,
            ["fitness"] = m.Fitness,
        })]);
        state["seen"] = _unseen.Seen.ToJson();
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StrategyName, StateVersion, () =>
    {
        var randomProposed = state["randomProposed"]?.GetValue<int>() ?? throw new FormatException("state has no 'randomProposed'");
        var population = (state["population"] as JsonArray ?? throw new FormatException("state has no 'population' list"))
            .Select(node => node as JsonObject ?? throw new FormatException("a population member is not an object"))
            .Select(member => new PopulationMember(
                _space.Parse(member["architecture"]?.GetValue<string>() ?? throw new FormatException("a population member has no architecture")),
                member["fitness"]?.GetValue<double>() ?? throw new FormatException("a population member has no fitness")))
            .ToList();
        _unseen.Load(state);
        _population.Clear();
        _population.AddRange(population);
        _randomProposed = randomProposed;
    });

    private Architecture? Next(Random random)
    {
        if (_randomProposed < _options.PopulationSize || _population.Count == 0)
        {
            _randomProposed++;
            return RandomUnseen(random);
        }

        var parent = Tournament(random);
        return _unseen.Mutate(parent.Architecture, random, _options.MutationWalk) ?? RandomUnseen(random);
    }

    private Architecture? RandomUnseen(Random random) =>
        _unseen.RandomUnseen(random, _options.MaxAttemptsPerCandidate, _options.EnumerationLimit);

    private PopulationMember Tournament(Random random)
    {
        var indices = Enumerable.Range(0, _population.Count).ToArray();
        var draws = Math.Min(_options.EffectiveSampleSize, indices.Length);
        PopulationMember? best = null;
        for (var i = 0; i < draws; i++)
        {
            var j = i + random.Next(indices.Length - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
            var member = _population[indices[i]];
            if (best is null || member.Fitness > best.Fitness)
            {
                best = member;
            }
        }

        return best!;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StrategyName}(P={_options.PopulationSize}, S={_options.EffectiveSampleSize})");
}

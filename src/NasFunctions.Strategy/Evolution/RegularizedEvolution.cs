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
    private readonly SeenSet _seen = new();
    private int _randomProposed;
    private bool _searchFailed;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public RegularizedEvolution(ISearchSpace space, RegularizedEvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid evolution options: {string.Join("; ", errors)}", nameof(options));
        }

        _space = space;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _searchFailed || (_space is IFiniteSearchSpace finite && _seen.Count >= finite.Size);

    /// <summary>The living members, oldest first.</summary>
    public IReadOnlyList<PopulationMember> Population => _population;

    /// <summary>How many distinct architectures were proposed or learned about.</summary>
    public int SeenCount => _seen.Count;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = new List<Candidate>(count);
        while (candidates.Count < count && !IsExhausted)
        {
            var architecture = Next(random);
            if (architecture is null)
            {
                _searchFailed = true;
                break;
            }

            _seen.Add(architecture.Canonical);
            candidates.Add(new Candidate(architecture, _options.DefaultFidelity));
        }

        return candidates;
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            _seen.Add(outcome.Architecture.Canonical);
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
        state["searchFailed"] = _searchFailed;
        state["randomProposed"] = _randomProposed;
        state["population"] = new JsonArray([.. _population.Select(m => (JsonNode)new JsonObject
        {
            ["architecture"] = m.Architecture.Canonical,
            ["fitness"] = m.Fitness,
        })]);
        state["seen"] = _seen.ToJson();
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StrategyName, StateVersion, () =>
    {
        var searchFailed = state["searchFailed"]?.GetValue<bool>() ?? false;
        var randomProposed = state["randomProposed"]?.GetValue<int>() ?? throw new FormatException("state has no 'randomProposed'");
        var population = (state["population"] as JsonArray ?? throw new FormatException("state has no 'population' list"))
            .Select(node => node as JsonObject ?? throw new FormatException("a population member is not an object"))
            .Select(member => new PopulationMember(
                _space.Parse(member["architecture"]?.GetValue<string>() ?? throw new FormatException("a population member has no architecture")),
                member["fitness"]?.GetValue<double>() ?? throw new FormatException("a population member has no fitness")))
            .ToList();
        _seen.Load(state["seen"]);
        _population.Clear();
        _population.AddRange(population);
        _randomProposed = randomProposed;
        _searchFailed = searchFailed;
    });

    private Architecture? Next(Random random)
    {
        if (_randomProposed < _options.PopulationSize || _population.Count == 0)
        {
            _randomProposed++;
            return RandomUnseen(random);
        }

        var parent = Tournament(random);
        return Neighborhood.Mutate(_space, parent.Architecture, _seen, random, _options.MutationWalk) ?? RandomUnseen(random);
    }

    private Architecture? RandomUnseen(Random random) =>
        Neighborhood.RandomUnseen(_space, _seen, random, _options.MaxAttemptsPerCandidate, _options.EnumerationLimit);

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

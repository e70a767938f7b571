using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>Proposes architectures drawn uniformly over the space's decisions, never one it already proposed or learned about.</summary>
/// <remarks>
/// A proposal tries up to <see cref="RandomSearchOptions.MaxAttemptsPerCandidate"/> random draws; when all hit seen architectures
/// and the space has at most <see cref="RandomSearchOptions.EnumerationLimit"/> decision combinations, it walks them all from a
/// random start, so a small space is used up exactly. It is exhausted when nothing unseen is found, or when a space that
/// counts itself (<see cref="IFiniteSearchSpace"/>) has had every architecture seen.
/// </remarks>
public sealed class RandomSearch : ISearchStrategy
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "random";

    private const int StateVersion = 1;

    private readonly ISearchSpace _space;
    private readonly RandomSearchOptions _options;
    private readonly List<string> _seenInOrder = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _searchFailed;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public RandomSearch(ISearchSpace space, RandomSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid random search options: {string.Join("; ", errors)}", nameof(options));
        }

        _space = space;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _searchFailed || (_space is IFiniteSearchSpace finite && _seen.Count >= finite.Size);

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
            var architecture = FindUnseen(random);
            if (architecture is null)
            {
                _searchFailed = true;
                break;
            }

            Remember(architecture.Canonical);
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
            Remember(outcome.Architecture.Canonical);
        }
    }

    /// <inheritdoc />
    public JsonObject SaveState() => new()
    {
        ["strategy"] = StrategyName,
        ["version"] = StateVersion,
        ["searchFailed"] = _searchFailed,
        ["seen"] = new JsonArray([.. _seenInOrder.Select(s => (JsonNode?)JsonValue.Create(s))]),
    };

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            var strategy = state["strategy"]?.GetValue<string>();
            if (strategy != StrategyName)
            {
                throw new ArgumentException($"state was written by strategy '{strategy}', not '{StrategyName}'", nameof(state));
            }

            var version = state["version"]?.GetValue<int>();
            if (version != StateVersion)
            {
                throw new ArgumentException($"state version {version} is not {StateVersion}", nameof(state));
            }

            var searchFailed = state["searchFailed"]?.GetValue<bool>() ?? false;
            var seen = (state["seen"] as JsonArray ?? throw new ArgumentException("state has no 'seen' list", nameof(state)))
                .Select(node => node?.GetValue<string>() ?? throw new ArgumentException("state's 'seen' list holds a null", nameof(state)))
                .ToList();

            _seen.Clear();
            _seenInOrder.Clear();
            seen.ForEach(Remember);
            _searchFailed = searchFailed;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"state is damaged: {e.Message}", nameof(state), e);
        }
    }

    private void Remember(string canonical)
    {
        if (_seen.Add(canonical))
        {
            _seenInOrder.Add(canonical);
        }
    }

    private Architecture? FindUnseen(Random random)
    {
        for (var attempt = 0; attempt < _options.MaxAttemptsPerCandidate; attempt++)
        {
            var architecture = DecisionSampler.Sample(_space, random);
            if (!_seen.Contains(architecture.Canonical))
            {
                return architecture;
            }
        }

        var combinations = DecisionGrid.Count(_space.Decisions);
        if (combinations > _options.EnumerationLimit)
        {
            return null;
        }

        var start = random.NextInt64(combinations);
        for (long step = 0; step < combinations; step++)
        {
            var architecture = _space.Create(DecisionGrid.ChoicesAt(_space.Decisions, (start + step) % combinations));
            if (!_seen.Contains(architecture.Canonical))
            {
                return architecture;
            }
        }

        return null;
    }
}

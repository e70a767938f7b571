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

    private readonly RandomSearchOptions _options;
    private readonly UnseenSampler _unseen;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public RandomSearch(ISearchSpace space, RandomSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        OptionRules.ThrowIfInvalid(options.Validate(), "random search");
        _options = options;
        _unseen = new UnseenSampler(space);
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _unseen.IsExhausted;

    /// <summary>How many distinct architectures were proposed or learned about.</summary>
    public int SeenCount => _unseen.Seen.Count;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        return _unseen.Propose(count, _options.DefaultFidelity, () =>
            _unseen.RandomUnseen(random, _options.MaxAttemptsPerCandidate, _options.EnumerationLimit));
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            _unseen.Seen.Add(outcome.Architecture.Canonical);
        }
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(StrategyName, StateVersion);
        state["searchFailed"] = _unseen.SearchFailed;
        state["seen"] = _unseen.Seen.ToJson();
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StrategyName, StateVersion, () => _unseen.Load(state));
}

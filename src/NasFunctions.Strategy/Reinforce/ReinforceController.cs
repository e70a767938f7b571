using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Reinforce;

/// <summary>REINFORCE with an LSTM controller (Zoph &amp; Le, 2017): samples one choice per decision, rewarded by the trial's fitness.</summary>
/// <remarks>
/// Each learned round takes one Adam step on the measured trials: the advantage is the fitness minus a moving-average
/// baseline, divided by the standard deviation of all fitness values seen so far (so the scale of the fitness does not matter),
/// plus an entropy bonus. The network is built and first initialized from the <see cref="Random"/> handed to the first
/// <see cref="Propose"/> or <see cref="Learn"/> call (or restored by <see cref="LoadState"/>). Each candidate is the first
/// unseen of <see cref="ReinforceControllerOptions.MaxResamples"/> samples drawn in one batch; when all were already proposed or
/// measured, an unseen one-decision mutation of the last sample, then a random unseen architecture, so no query is spent
/// twice. Trials the controller did not sample itself (fallbacks, or outcomes of another strategy) are learned as if it had.
/// </remarks>
public sealed class ReinforceController : ISearchStrategy, IDisposable
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "rl";

    private const int StateVersion = 1;
    private const int MutationWalk = 10;

    private readonly ISearchSpace _space;
    private readonly ReinforceControllerOptions _options;
    private readonly UnseenSampler _unseen;
    private ControllerNetwork? _network;
    private double _baseline;
    private long _rewards;
    private double _rewardMean;
    private double _rewardSquares;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public ReinforceController(ISearchSpace space, ReinforceControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        OptionRules.ThrowIfInvalid(options.Validate(), "rl");
        if (space.Decisions.Count == 0)
        {
            throw new ArgumentException("the space has no decisions", nameof(space));
        }

        _space = space;
        _options = options;
        _unseen = new UnseenSampler(space);
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _unseen.IsExhausted;

    /// <summary>The reward baseline: a moving average of the fitness values learned so far.</summary>
    public double Baseline => _baseline;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var network = Network(random);
        return _unseen.Propose(count, _options.DefaultFidelity, () => SampleUnseen(network, random));
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(random);
        var network = Network(random);
        var samples = new List<(int[] Choices, double Advantage)>();
        foreach (var outcome in outcomes)
        {
            _unseen.Seen.Add(outcome.Architecture.Canonical);
            if (outcome.Fitness is not { } reward || !double.IsFinite(reward))
            {
                continue;
            }

            _baseline = _rewards == 0 ? reward : _baseline;
            var advantage = reward - _baseline;
            AddReward(reward);
            _baseline = (_options.BaselineDecay * _baseline) + ((1 - _options.BaselineDecay) * reward);
            var spread = _rewards > 1 ? Math.Sqrt(_rewardSquares / (_rewards - 1)) : 0;
            if (spread > 0 && advantage != 0)
            {
                samples.Add((ChoiceIndices(outcome.Architecture), advantage / spread));
            }
        }

        network.Train(samples, _options.LearningRate, _options.EntropyWeight);
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(StrategyName, StateVersion);
        state["searchFailed"] = _unseen.SearchFailed;
        state["baseline"] = _baseline;
        state["rewards"] = _rewards;
        state["rewardMean"] = _rewardMean;
        state["rewardSquares"] = _rewardSquares;
        state["controller"] = _network?.Save();
        state["seen"] = _unseen.Seen.ToJson();
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StrategyName, StateVersion, () =>
    {
        double Number(string name) => state[name]?.GetValue<double>() ?? throw new FormatException($"state has no '{name}'");
        var controller = state["controller"] as JsonObject;
        ControllerNetwork? network = null;
        if (controller is not null)
        {
            network = CreateNetwork(new Random(0));
            try
            {
                network.Load(controller);
            }
            catch
            {
                network.Dispose();
                throw;
            }
        }

        var baseline = Number("baseline");
        var rewards = state["rewards"]?.GetValue<long>() ?? throw new FormatException("state has no 'rewards'");
        var rewardMean = Number("rewardMean");
        var rewardSquares = Number("rewardSquares");
        _unseen.Load(state);
        _network?.Dispose();
        _network = network;
        _baseline = baseline;
        _rewards = rewards;
        _rewardMean = rewardMean;
        _rewardSquares = rewardSquares;
    });

    /// <summary>Frees the controller's tensors.</summary>
    public void Dispose()
    {
        _network?.Dispose();
        _network = null;
    }

    private ControllerNetwork Network(Random random) => _network ??= CreateNetwork(random);

    private ControllerNetwork CreateNetwork(Random random) => new(
        [.. _space.Decisions.Select(d => d.Choices.Count)], _options.EmbeddingSize, _options.HiddenSize, _options.InitRange, random);

    private Architecture? SampleUnseen(ControllerNetwork network, Random random)
    {
        Architecture? last = null;
        foreach (var indices in network.Sample(_options.MaxResamples, random))
        {
            var choices = new Dictionary<string, string>(indices.Length, StringComparer.Ordinal);
            for (var i = 0; i < indices.Length; i++)
            {
                choices[_space.Decisions[i].Label] = _space.Decisions[i].Choices[indices[i]];
            }

            last = _space.Create(choices);
            if (!_unseen.Seen.Contains(last.Canonical))
            {
                return last;
            }
        }

        return (last is null ? null : _unseen.Mutate(last, random, MutationWalk))
            ?? _unseen.RandomUnseen(random, _options.MaxAttemptsPerCandidate, _options.EnumerationLimit);
    }

    private int[] ChoiceIndices(Architecture architecture)
    {
        var indices = new int[_space.Decisions.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            var decision = _space.Decisions[i];
            var value = architecture.Choices.TryGetValue(decision.Label, out var picked) ? picked : null;
            for (var j = 0; j < decision.Choices.Count; j++)
            {
                if (decision.Choices[j] == value)
                {
                    indices[i] = j;
                }
            }
        }

        return indices;
    }

    private void AddReward(double reward)
    {
        _rewards++;
        var delta = reward - _rewardMean;
        _rewardMean += delta / _rewards;
        _rewardSquares += delta * (reward - _rewardMean);
    }
}

using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Objectives;

/// <summary>Wraps any strategy with constraints (a breaking trial is learned with a penalty fitness) and keeps a Pareto front.</summary>
/// <remarks>
/// Proposals come from the inner strategy unchanged. Before outcomes reach it, each measured trial that breaks a constraint of
/// <see cref="ObjectivesOptions"/> gets <see cref="ObjectivesOptions.Penalty"/> as its fitness. The front holds the measured
/// trials that meet every constraint and that no other such trial dominates on <see cref="ObjectivesOptions.Pareto"/>, with their
/// true fitness; a trial lacking one of the front's metrics stays off it.
/// </remarks>
public sealed class ConstrainedStrategy : ISearchStrategy, IDisposable
{
    /// <summary>The name written in this wrapper's saved state.</summary>
    public const string StateName = "constrained";

    private const int StateVersion = 1;

    private readonly ISearchStrategy _inner;
    private readonly ISearchSpace _space;
    private readonly ObjectivesOptions _options;
    private List<TrialOutcome> _front = [];

    /// <summary>Wraps <paramref name="inner"/>, whose proposals are architectures of <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ConstrainedStrategy(ISearchStrategy inner, ISearchSpace space, ObjectivesOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid objectives: {string.Join("; ", errors)}", nameof(options));
        }

        _inner = inner;
        _space = space;
        _options = options;
    }

    /// <summary>The inner strategy's name: the spec names the strategy, the objectives are its options.</summary>
    public string Name => _inner.Name;

    /// <summary>The wrapped strategy.</summary>
    public ISearchStrategy Inner => _inner;

    /// <inheritdoc />
    public bool IsExhausted => _inner.IsExhausted;

    /// <summary>The measured trials on the Pareto front, in the order they were learned, with their true fitness.</summary>
    public IReadOnlyList<TrialOutcome> ParetoFront => _front;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random) => _inner.Propose(count, random);

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var penalized = outcomes
            .Select(o => o.Fitness is not null && Violations(o).Count > 0 ? o with { Fitness = _options.Penalty } : o)
            .ToList();
        _inner.Learn(penalized, random);
        UpdateFront(outcomes.Where(o => o.Fitness is { } f && double.IsFinite(f) && Violations(o).Count == 0));
    }

    /// <summary>The constraints <paramref name="outcome"/> breaks, as messages (for example <c>parameters 120000 &gt; 100000</c>).</summary>
    public IReadOnlyList<string> Violations(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var broken = new List<string>();
        foreach (var (metric, limit) in _options.Constraints())
        {
            if (outcome.Metrics is not null && outcome.Metrics.TryGetValue(metric, out var value) && value > limit)
            {
                broken.Add($"{metric} {value} > {limit}");
            }
        }

        return broken;
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(StateName, StateVersion);
        state["inner"] = _inner.SaveState();
        state["front"] = new JsonArray([.. _front.Select(o => (JsonNode)new JsonObject
        {
            ["trialId"] = o.TrialId,
            ["architecture"] = o.Architecture.Canonical,
            ["epochs"] = o.Fidelity.Epochs,
            ["dataFraction"] = o.Fidelity.DataFraction,
            ["fitness"] = o.Fitness,
            ["metrics"] = new JsonObject(o.Metrics?.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)) ?? []),
        })]);
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this wrapper, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StateName, StateVersion, () =>
    {
        var front = (state["front"] as JsonArray ?? throw new FormatException("state has no 'front' list"))
            .Select(node => node as JsonObject ?? throw new FormatException("a front member is not an object"))
            .Select(m => new TrialOutcome(
                m["trialId"]?.GetValue<string>() ?? throw new FormatException("a front member has no trialId"),
                _space.Parse(m["architecture"]?.GetValue<string>() ?? throw new FormatException("a front member has no architecture")),
                new Fidelity(m["epochs"]?.GetValue<int>() ?? 1, m["dataFraction"]?.GetValue<double>() ?? 1.0),
                m["fitness"]?.GetValue<double>(),
                (m["metrics"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<double>() ?? double.NaN)))
            .ToList();
        _inner.LoadState(state["inner"] as JsonObject ?? throw new FormatException("state has no 'inner' strategy state"));
        _front = front;
    });

    /// <summary>Disposes the inner strategy when it is disposable.</summary>
    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private void UpdateFront(IEnumerable<TrialOutcome> feasible)
    {
        var pool = _front.Concat(feasible.Where(HasEveryObjective)).ToList();
        var points = pool.Select((o, i) => new ParetoPoint(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Values(o))).ToList();
        var kept = Objectives.ParetoFront.Of(points).Select(p => int.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture));
        _front = [.. kept.Select(i => pool[i])];
    }

    private bool HasEveryObjective(TrialOutcome outcome) =>
        _options.Pareto.All(name => ObjectivesOptions.IsFitness(name) || (outcome.Metrics?.ContainsKey(name) ?? false));

    private double[] Values(TrialOutcome outcome) =>
        [.. _options.Pareto.Select(name => ObjectivesOptions.IsFitness(name) ? outcome.Fitness!.Value : -outcome.Metrics![name])];
}

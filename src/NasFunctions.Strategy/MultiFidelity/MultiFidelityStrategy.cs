using System.Globalization;
using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>Runs brackets of synchronous successive halving over the architectures an inner strategy proposes; the schedule of brackets is the subclass's.</summary>
/// <remarks>
/// <para>
/// A bracket's first rung trains fresh architectures from the proposer at its lowest epochs; when every trial of a rung is
/// learned, the best 1/eta (at least one; failed trials never) are proposed again one rung up, at that rung's epochs in all,
/// each with <see cref="Candidate.ContinueFrom"/> set to the trial it was measured as. After the last rung the next bracket
/// starts. Every candidate trains on the data fraction of the search's fidelity.
/// </para>
/// <para>
/// <see cref="Propose"/> returns up to <c>count</c> of the current rung's trials not yet proposed and never mixes two rungs: a
/// rung larger than <c>count</c> spreads over several rounds, and the last part of a rung may be smaller. While proposed trials
/// of the rung wait for their outcomes it returns nothing. Outcomes of trials it did not propose are ignored.
/// </para>
/// <para>
/// The proposer learns only the outcomes of fresh (first-rung, trained-from-scratch) trials, each passed as it is, so it
/// compares architectures trained alike; promoted trials' outcomes serve the promotions only. The proposer's own fidelity is
/// overridden by the rung's. The search is exhausted once the proposer is and no bracket is under way.
/// </para>
/// </remarks>
public abstract class MultiFidelityStrategy : ISearchStrategy, IDisposable
{
    private const int StateVersion = 1;

    private readonly ISearchStrategy _proposer;
    private readonly ISearchSpace _space;
    private Bracket? _bracket;
    private int _bracketsStarted;

    /// <summary>Wraps <paramref name="proposer"/>, whose proposals are architectures of <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    private protected MultiFidelityStrategy(ISearchStrategy proposer, ISearchSpace space, MultiFidelityOptions options, string strategy)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        OptionRules.ThrowIfInvalid(options.Validate(), strategy);
        _proposer = proposer;
        _space = space;
        Options = options;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The strategy that proposes each bracket's fresh architectures.</summary>
    public ISearchStrategy Proposer => _proposer;

    /// <summary>The options the strategy runs with.</summary>
    public MultiFidelityOptions Options { get; }

    /// <summary>How many brackets have started, counting the one under way.</summary>
    public int BracketsStarted => _bracketsStarted;

    /// <summary>The epochs of the rung under way; null when no bracket is under way.</summary>
    public int? CurrentEpochs => _bracket is { } bracket ? bracket.RungEpochs[bracket.Rung] : null;

    /// <inheritdoc />
    public bool IsExhausted => _bracket is null && _proposer.IsExhausted;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        if (count == 0)
        {
            return [];
        }

        if (_bracket is null)
        {
            if (_proposer.IsExhausted)
            {
                return [];
            }

            _bracket = new Bracket(PlanBracket(_bracketsStarted), Options.Eta, Options.DefaultFidelity.DataFraction);
            _bracketsStarted++;
        }

        var bracket = _bracket;
        if (bracket.FreshLeft > 0)
        {
            var wanted = Math.Min(count, bracket.FreshLeft);
            List<Candidate> fresh = [.. _proposer.Propose(wanted, random).Select(c => bracket.AddFresh(c.Architecture))];
            if (fresh.Count == wanted || !_proposer.IsExhausted)
            {
                return fresh;
            }

            bracket.StopDrawing();
            if (fresh.Count > 0)
            {
                return fresh;
            }
        }

        var promoted = bracket.TakeQueued(count);
        if (bracket.IsDone)
        {
            _bracket = null;
        }

        return promoted;
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (_bracket is not { } bracket)
        {
            return;
        }

        var freshRung = bracket.Rung == 0;
        var fresh = new List<TrialOutcome>();
        foreach (var outcome in outcomes)
        {
            if (bracket.Record(outcome) && freshRung)
            {
                fresh.Add(outcome);
            }
        }

        bracket.Advance();
        if (bracket.IsDone)
        {
            _bracket = null;
        }

        if (fresh.Count > 0)
        {
            _proposer.Learn(fresh, random);
        }
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(Name, StateVersion);
        state["bracketsStarted"] = _bracketsStarted;
        state["bracket"] = _bracket?.ToJson();
        state["proposer"] = _proposer.SaveState();
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, Name, StateVersion, () =>
    {
        var started = state["bracketsStarted"]?.GetValue<int>() ?? throw new FormatException("state has no 'bracketsStarted'");
        var bracket = state["bracket"] is JsonObject json
            ? Bracket.FromJson(json, _space, Options.Eta, Options.DefaultFidelity.DataFraction)
            : null;
        _proposer.LoadState(state["proposer"] as JsonObject ?? throw new FormatException("state has no 'proposer' strategy state"));
        _bracket = bracket;
        _bracketsStarted = started;
    });

    /// <summary>Disposes the proposer when it is disposable.</summary>
    public void Dispose()
    {
        (_proposer as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}(eta={Options.Eta}, epochs {Options.EffectiveMinEpochs}..{Options.EffectiveMaxEpochs}, proposer {_proposer.Name})");

    /// <summary>How bracket number <paramref name="bracket"/> (0 for the first) starts.</summary>
    private protected abstract BracketPlan PlanBracket(int bracket);
}

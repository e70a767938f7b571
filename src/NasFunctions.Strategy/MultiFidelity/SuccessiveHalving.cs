using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>Synchronous successive halving (Jamieson and Talwalkar, 2016) over the architectures of any proposer, one bracket after another.</summary>
/// <remarks>
/// Every bracket is the same: <see cref="MultiFidelityOptions.Candidates"/> fresh architectures (default eta^(rungs - 1)) on
/// rungs of minEpochs * eta^i epochs, the last exactly maxEpochs, where rungs = floor(log_eta(maxEpochs / minEpochs)) + 1. With
/// minEpochs 1, maxEpochs 9 and eta 3 a bracket trains 9 architectures 1 epoch, continues the best 3 to 3 epochs and the best
/// one to 9: 21 epochs in all. See <see cref="MultiFidelityStrategy"/> for how rounds, outcomes and the proposer are handled.
/// </remarks>
public sealed class SuccessiveHalving : MultiFidelityStrategy
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "halving";

    private readonly BracketPlan _plan;

    /// <summary>Wraps <paramref name="proposer"/>, whose proposals are architectures of <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SuccessiveHalving(ISearchStrategy proposer, ISearchSpace space, MultiFidelityOptions options)
        : base(proposer, space, options, "successive halving") => _plan = RungSchedule.Halving(options);

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>The epochs of each rung, lowest first.</summary>
    public IReadOnlyList<int> RungEpochs => _plan.RungEpochs;

    private protected override BracketPlan PlanBracket(int bracket) => _plan;
}

using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>Hyperband (Li et al., 2018): successive-halving brackets that trade many cheap trials for few long ones, in turn.</summary>
/// <remarks>
/// With s_max = floor(log_eta(maxEpochs / minEpochs)), brackets s = s_max, s_max - 1, ..., 0 run in turn, then again. Bracket s
/// starts ceil((s_max + 1) / (s + 1) * eta^s) fresh architectures at round(maxEpochs * eta^-s) epochs and halves them over s + 1
/// rungs, rung i at round(maxEpochs * eta^(i - s)) epochs (whole numbers, never below minEpochs), the last at maxEpochs. With
/// minEpochs 1, maxEpochs 9 and eta 3 the brackets start 9 at 1 epoch, 5 at 3 and 3 at 9. The proposer learns every bracket's
/// fresh trials, so it sees first-rung trials of different lengths. See <see cref="MultiFidelityStrategy"/> for the rest.
/// </remarks>
public sealed class Hyperband : MultiFidelityStrategy
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "hyperband";

    /// <summary>Wraps <paramref name="proposer"/>, whose proposals are architectures of <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid, or set <see cref="MultiFidelityOptions.Candidates"/>.</exception>
    public Hyperband(ISearchStrategy proposer, ISearchSpace space, MultiFidelityOptions options)
        : base(proposer, space, options, StrategyName)
    {
        if (options.Candidates is not null)
        {
            throw new ArgumentException("invalid hyperband options: candidates is for halving only; a Hyperband bracket's size follows from its rungs", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Name => StrategyName;

    private protected override BracketPlan PlanBracket(int bracket) => RungSchedule.Hyperband(Options, bracket);
}

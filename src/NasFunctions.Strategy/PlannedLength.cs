using NasFunctions.Strategy.MultiFidelity;
using NasFunctions.Strategy.Objectives;

namespace NasFunctions.Strategy;

/// <summary>The most epochs any trial of a strategy trains: what a learning-rate schedule is planned over.</summary>
public static class PlannedLength
{
    /// <summary>A multi-fidelity strategy's top rung (<see cref="MultiFidelityOptions.EffectiveMaxEpochs"/>), else the search's own epochs.</summary>
    public static int Epochs(ISearchStrategy strategy, Fidelity defaultFidelity)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(defaultFidelity);
        return strategy switch
        {
            ConstrainedStrategy constrained => Epochs(constrained.Inner, defaultFidelity),
            MultiFidelityStrategy multiFidelity => multiFidelity.Options.EffectiveMaxEpochs,
            _ => defaultFidelity.Epochs,
        };
    }
}

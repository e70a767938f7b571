using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>Measures one architecture of a search at a fidelity: trains it and scores it.</summary>
public interface ITrialEvaluator
{
    /// <summary>Trains and scores the architecture; throws when it cannot be trained.</summary>
    TrialEvaluation Evaluate(SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, CancellationToken cancellationToken);
}

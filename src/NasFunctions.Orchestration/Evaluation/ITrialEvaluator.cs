using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>Measures one architecture of a search at a fidelity: trains it and scores it.</summary>
public interface ITrialEvaluator
{
    /// <summary>Trains the architecture up to the fidelity's epochs (from a checkpoint, when given) and scores it; throws when it cannot be trained.</summary>
    /// <exception cref="InvalidDataException">The checkpoint to start from is damaged or belongs to another network.</exception>
    TrialEvaluation Evaluate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrialCheckpointing checkpointing, CancellationToken cancellationToken);
}

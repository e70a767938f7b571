using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>What a strategy learns from one finished trial.</summary>
/// <param name="TrialId">The trial's id, for example <c>r0003-c07</c>.</param>
/// <param name="Architecture">The measured architecture.</param>
/// <param name="Fidelity">The fidelity it was trained at.</param>
/// <param name="Fitness">The value the search maximizes (validation accuracy in [0, 1]); null when the trial failed.</param>
/// <param name="Metrics">Other measures by name (for example <c>parameters</c>), for constraints and multi-objective use.</param>
public sealed record TrialOutcome(
    string TrialId,
    Architecture Architecture,
    Fidelity Fidelity,
    double? Fitness,
    IReadOnlyDictionary<string, double>? Metrics = null);

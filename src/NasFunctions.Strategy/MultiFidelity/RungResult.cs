using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>One measured trial of a rung.</summary>
/// <param name="TrialId">The trial's id, which a promotion continues from.</param>
/// <param name="Architecture">The measured architecture.</param>
/// <param name="Fitness">Its finite fitness; null when the trial failed (a failed trial is never promoted).</param>
internal sealed record RungResult(string TrialId, Architecture Architecture, double? Fitness);

namespace NasFunctions.Benchmarks.MultiFidelity;

/// <summary>One training of a fidelity benchmark run.</summary>
/// <param name="TrialId">The trial's id, <c>r{round}-c{index}</c>.</param>
/// <param name="Architecture">The canonical architecture.</param>
/// <param name="StartEpoch">Epochs its weights had when it started (a promotion continues another trial's).</param>
/// <param name="Epochs">Epochs its weights had when it was scored.</param>
/// <param name="Validation">Validation accuracy, in [0, 1].</param>
public sealed record FidelityTrial(string TrialId, string Architecture, int StartEpoch, int Epochs, double Validation);

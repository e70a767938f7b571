using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>An architecture a strategy wants measured, and the fidelity to measure it at.</summary>
/// <param name="Architecture">The architecture to train.</param>
/// <param name="Fidelity">The fidelity to reach: with <paramref name="ContinueFrom"/>, the epochs in all, counting those already trained.</param>
/// <param name="ContinueFrom">
/// The trial whose trained weights (and optimizer state) this one continues from, instead of starting from fresh weights;
/// null (default) for a fresh start. The trial must be of the same architecture and have trained fewer epochs.
/// </param>
public sealed record Candidate(Architecture Architecture, Fidelity Fidelity, string? ContinueFrom = null);

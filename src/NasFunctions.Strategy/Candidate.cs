using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>An architecture a strategy wants measured, and the fidelity to measure it at.</summary>
public sealed record Candidate(Architecture Architecture, Fidelity Fidelity);

using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>A trial a rung wants trained: its architecture and, above the first rung, the measured trial it continues from.</summary>
/// <param name="Architecture">The architecture to train.</param>
/// <param name="ContinueFrom">The trial id whose weights it continues from; null on the first rung (a fresh start).</param>
internal sealed record RungEntry(Architecture Architecture, string? ContinueFrom);

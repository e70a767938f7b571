using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Evolution;

/// <summary>One measured architecture alive in an evolution's population, with its fitness.</summary>
public sealed record PopulationMember(Architecture Architecture, double Fitness);

using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>A measured architecture as the predictor sees it: choice indices, active features, complexity and fitness.</summary>
internal sealed record Measurement(Architecture Architecture, int[] Code, int[] Active, int Complexity, double Fitness);

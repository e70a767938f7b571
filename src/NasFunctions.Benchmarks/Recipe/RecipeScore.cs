namespace NasFunctions.Benchmarks.Recipe;

/// <summary>How one recipe trained the benchmark's CNN.</summary>
/// <param name="Recipe">The recipe's name.</param>
/// <param name="Optimizer">Its update rule.</param>
/// <param name="Schedule">Its learning-rate schedule.</param>
/// <param name="LearningRate">Its peak learning rate.</param>
/// <param name="WeightDecay">Its weight decay.</param>
/// <param name="Validation">Validation accuracy, in [0, 1].</param>
/// <param name="Test">Test accuracy, in [0, 1].</param>
/// <param name="Seconds">Training seconds.</param>
public sealed record RecipeScore(string Recipe, string Optimizer, string Schedule, double LearningRate, double WeightDecay, double Validation, double Test, double Seconds);

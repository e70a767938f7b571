namespace NasFunctions.SearchSpace.Mlp;

/// <summary>A picked MLP for tabular data in typed form: input features, classes and its hidden layers, then a linear head.</summary>
/// <param name="Inputs">Number of input features.</param>
/// <param name="Classes">Number of output classes.</param>
/// <param name="Layers">The hidden layers, from input to head.</param>
public sealed record MlpNetwork(int Inputs, int Classes, IReadOnlyList<MlpLayer> Layers);

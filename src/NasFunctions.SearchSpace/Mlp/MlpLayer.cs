namespace NasFunctions.SearchSpace.Mlp;

/// <summary>One hidden layer of a picked MLP: a linear layer of some width, optional batch norm, an activation and dropout.</summary>
/// <param name="Units">Output width of the linear layer.</param>
/// <param name="Activation">The activation's name (one of <see cref="MlpActivations.All"/>).</param>
/// <param name="Dropout">Dropout probability after the activation, from 0 (none) to below 1.</param>
/// <param name="BatchNorm">Whether batch norm follows the linear layer, before the activation.</param>
public sealed record MlpLayer(int Units, string Activation, double Dropout, bool BatchNorm);

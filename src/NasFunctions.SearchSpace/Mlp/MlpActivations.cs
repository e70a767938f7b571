namespace NasFunctions.SearchSpace.Mlp;

/// <summary>The activation names an MLP space may allow.</summary>
public static class MlpActivations
{
    /// <summary>Every known activation name.</summary>
    public static IReadOnlyList<string> All { get; } = ["relu", "gelu", "tanh", "sigmoid", "silu", "elu", "leaky_relu"];
}

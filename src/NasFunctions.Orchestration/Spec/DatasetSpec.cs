namespace NasFunctions.Orchestration.Spec;

/// <summary>Which data set a search trains on, and how its validation split is carved.</summary>
/// <param name="Name">The data set: <c>fashion-mnist</c> (default) or <c>mnist</c>.</param>
/// <param name="Path">Folder of its IDX files; null for the default folder of Debian's <c>dataset-fashion-mnist</c>.</param>
/// <param name="ValidationFraction">Share of the training set held out for validation (default 0.1).</param>
public sealed record DatasetSpec(string Name, string? Path, double ValidationFraction)
{
    /// <summary>The data sets this version can train on.</summary>
    public static readonly IReadOnlyList<string> Known = ["fashion-mnist", "mnist"];

    /// <summary>Fashion-MNIST from its default folder, 10% held out for validation.</summary>
    public static DatasetSpec Default { get; } = new("fashion-mnist", null, 0.1);
}

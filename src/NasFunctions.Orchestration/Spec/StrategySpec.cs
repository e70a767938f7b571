using System.Text.Json;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Which strategy (controller) drives the search, with its options as written in the spec.</summary>
/// <param name="Name">The strategy's name, for example <c>random</c>.</param>
/// <param name="Options">The strategy's options object; null for its defaults.</param>
public sealed record StrategySpec(string Name, JsonElement? Options)
{
    /// <summary>Random search with default options.</summary>
    public static StrategySpec Default { get; } = new("random", null);
}

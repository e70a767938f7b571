using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Strategy.Tests;

/// <summary>Small spaces whose architectures can be counted by hand.</summary>
internal static class TinySpaces
{
    /// <summary>One op, one width, 1..2 blocks, bn and skip free: 4 one-block and 16 two-block networks, 20 in all.</summary>
    public static MacroCnnSpace Twenty() => new(new MacroCnnSpaceOptions
    {
        MinBlocks = 1,
        MaxBlocks = 2,
        Operations = [MacroOperation.Conv3x3],
        Channels = [16],
    });

    /// <summary>A space that does not count itself: one decision with <paramref name="size"/> values.</summary>
    public static ISearchSpace Uncounted(int size) => new ListSpace([.. Enumerable.Range(0, size).Select(i => $"n{i}")]);

    private sealed class ListSpace(IReadOnlyList<string> names) : ISearchSpace
    {
        public string Kind => "list";

        public IReadOnlyList<Decision> Decisions { get; } = [new Decision("name", names)];

        public Architecture Create(IReadOnlyDictionary<string, string> choices) =>
            new(choices["name"], new Dictionary<string, string> { ["name"] = choices["name"] });

        public Architecture Parse(string canonical) => Create(new Dictionary<string, string> { ["name"] = canonical });
    }
}

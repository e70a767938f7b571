namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>The names of <see cref="NasBench201Operation"/> values as the benchmark writes them (<c>nor_conv_3x3</c>, ...).</summary>
public static class NasBench201Operations
{
    private static readonly string[] Names = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"];

    /// <summary>Every name, in the benchmark's fixed order (the enum's order).</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The name of <paramref name="operation"/>.</summary>
    public static string Name(NasBench201Operation operation) =>
        Enum.IsDefined(operation) ? All[(int)operation] : throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation");

    /// <summary>Finds the operation for a name (case-sensitive).</summary>
    public static bool TryParse(string? name, out NasBench201Operation operation)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        operation = (NasBench201Operation)Math.Max(index, 0);
        return index >= 0;
    }
}

namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>The names of <see cref="MacroOperation"/> values as written in specs and canonical strings (<c>conv3x3</c>, ...).</summary>
public static class MacroOperationNames
{
    private static readonly Dictionary<string, MacroOperation> ByName = new(StringComparer.Ordinal)
    {
        ["conv3x3"] = MacroOperation.Conv3x3,
        ["conv5x5"] = MacroOperation.Conv5x5,
        ["sepconv3x3"] = MacroOperation.SepConv3x3,
        ["maxpool"] = MacroOperation.MaxPool,
        ["avgpool"] = MacroOperation.AvgPool,
    };

    /// <summary>Every name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByName.OrderBy(p => p.Value).Select(p => p.Key)];

    /// <summary>The name of <paramref name="operation"/>.</summary>
    public static string Name(MacroOperation operation) => operation switch
    {
        MacroOperation.Conv3x3 => "conv3x3",
        MacroOperation.Conv5x5 => "conv5x5",
        MacroOperation.SepConv3x3 => "sepconv3x3",
        MacroOperation.MaxPool => "maxpool",
        MacroOperation.AvgPool => "avgpool",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
    };

    /// <summary>Finds the operation for a name (case-sensitive).</summary>
    public static bool TryParse(string? name, out MacroOperation operation) => ByName.TryGetValue(name ?? string.Empty, out operation);

    /// <summary>True for the convolutions, which own channels, batch norm and skip; false for pooling.</summary>
    public static bool IsConvolution(MacroOperation operation) =>
        operation is MacroOperation.Conv3x3 or MacroOperation.Conv5x5 or MacroOperation.SepConv3x3;
}

namespace NasFunctions.SearchSpace;

/// <summary>The widths (channels, units, embedding sizes) a built-in space accepts, so no spec asks for a network no host can hold.</summary>
public static class LayerWidths
{
    /// <summary>The widest layer a spec may name: 4,096 channels or units.</summary>
    public const int Max = 4_096;

    /// <summary>The problem with a width, or null when it is from 1 to <see cref="Max"/>.</summary>
    public static string? Problem(int width) =>
        width < 1 ? $"must be positive, not {width}" : width > Max ? $"must be at most {Max}, not {width}" : null;
}

namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>One edge of the NAS-Bench-201 cell, from an earlier node to a later one.</summary>
/// <param name="To">The node the edge feeds (1 to 3).</param>
/// <param name="From">The node it reads (0 to To - 1).</param>
public sealed record NasBench201Edge(int To, int From)
{
    /// <summary>The six edges in canonical order: 1&lt;-0, 2&lt;-0, 2&lt;-1, 3&lt;-0, 3&lt;-1, 3&lt;-2.</summary>
    public static IReadOnlyList<NasBench201Edge> All { get; } = [.. CellCanonical.Edges(NasBench201Cell.Nodes).Select(e => new NasBench201Edge(e.To, e.From))];

    /// <summary>The decision label of this edge: <c>edge.{to}.{from}</c>.</summary>
    public string Label => $"edge.{To}.{From}";

    /// <summary>The edge's position in canonical order (0 to 5).</summary>
    public int Index => (To * (To - 1) / 2) + From;
}

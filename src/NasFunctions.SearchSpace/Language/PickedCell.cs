namespace NasFunctions.SearchSpace.Language;

/// <summary>The operations a cell parameter picked, one per edge in canonical order (by target node, then source).</summary>
/// <param name="Nodes">Nodes of the cell, input and output included.</param>
/// <param name="Operations">The operation of each edge, in the order of <see cref="Edges"/>.</param>
public sealed record PickedCell(int Nodes, IReadOnlyList<string> Operations)
{
    /// <summary>The edges (to, from), in canonical order.</summary>
    public IReadOnlyList<(int To, int From)> Edges => [.. CellCanonical.Edges(Nodes)];

    /// <summary>The operation on the edge from node <paramref name="from"/> to node <paramref name="to"/>.</summary>
    public string this[int to, int from]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(to, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, Nodes);
            ArgumentOutOfRangeException.ThrowIfNegative(from);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
            return Operations[(to * (to - 1) / 2) + from];
        }
    }

    /// <summary>The cell in NAS-Bench-201 notation: <c>|op~0|+|op~0|op~1|...</c>.</summary>
    public override string ToString() => CellCanonical.Format(Operations, Nodes);
}

namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>A picked NAS-Bench-201 cell in typed form: the operation on each of its six edges, in canonical order.</summary>
public sealed record NasBench201Cell
{
    /// <summary>Nodes of the cell: 0 is its input, 3 its output.</summary>
    public const int Nodes = 4;

    /// <summary>Edges of the cell.</summary>
    public const int EdgeCount = 6;

    /// <summary>Creates a cell from its six operations, in the order of <see cref="NasBench201Edge.All"/>.</summary>
    public NasBench201Cell(IReadOnlyList<NasBench201Operation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count != EdgeCount || !operations.All(Enum.IsDefined))
        {
            throw new ArgumentException($"a cell has {EdgeCount} known operations, one per edge", nameof(operations));
        }

        Operations = [.. operations];
    }

    /// <summary>The operation on each edge, in the order of <see cref="NasBench201Edge.All"/>.</summary>
    public IReadOnlyList<NasBench201Operation> Operations { get; }

    /// <summary>The edges whose operation is not <see cref="NasBench201Operation.None"/>, in canonical order.</summary>
    public IReadOnlyList<NasBench201Edge> ActiveEdges =>
        [.. NasBench201Edge.All.Where(e => Operations[e.Index] != NasBench201Operation.None)];

    /// <summary>The operation on the edge from node <paramref name="from"/> to node <paramref name="to"/>.</summary>
    public NasBench201Operation this[int to, int from]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(to, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, Nodes);
            ArgumentOutOfRangeException.ThrowIfNegative(from);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
            return Operations[new NasBench201Edge(to, from).Index];
        }
    }

    /// <summary>The benchmark's string for this cell: <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c>.</summary>
    public string Canonical => CellCanonical.Format([.. Operations.Select(NasBench201Operations.Name)], Nodes);

    /// <inheritdoc />
    public bool Equals(NasBench201Cell? other) => other is not null && Operations.SequenceEqual(other.Operations);

    /// <inheritdoc />
    public override int GetHashCode() => Operations.Aggregate(0, (hash, op) => (hash * 5) + (int)op);

    /// <inheritdoc />
    public override string ToString() => Canonical;
}

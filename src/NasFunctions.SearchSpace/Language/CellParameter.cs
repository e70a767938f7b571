using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>A cell: a small DAG of N nodes whose every edge j->i (j &lt; i) picks an operation (<c>{ "cell": { "nodes": 4, "operations": [...] } }</c>).</summary>
/// <remarks>
/// Decisions <c>{name}.edge.{i}.{j}</c>, ordered by target i then source j. Written as NAS-Bench-201 writes cells:
/// <c>|op~0|+|op~0|op~1|+...</c>, group i listing the inputs of node i.
/// </remarks>
public sealed class CellParameter : Parameter
{
    /// <summary>The most nodes a cell may have.</summary>
    public const int MaxNodes = 8;

    /// <summary>Creates the parameter; throws <see cref="ArgumentException"/> when the node count or operations are invalid.</summary>
    public CellParameter(string name, int nodes, IReadOnlyList<string> operations)
        : base(name)
    {
        if (nodes < 2 || nodes > MaxNodes)
        {
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"a cell has 2 to {MaxNodes} nodes");
        }

        ParameterText.CheckValues(operations, nameof(operations));
        Nodes = nodes;
        Operations = [.. operations];
    }

    /// <summary>Nodes, the input (0) and output (N-1) included.</summary>
    public int Nodes { get; }

    /// <summary>The operations an edge may pick, in order.</summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>The edges (to, from), in canonical order.</summary>
    public IReadOnlyList<(int To, int From)> Edges => [.. CellCanonical.Edges(Nodes)];

    /// <inheritdoc />
    public override long Size => Edges.Aggregate(1L, (product, _) => NumberLevels.Multiply(product, Operations.Count));

    /// <summary>The label of the edge from <paramref name="from"/> to <paramref name="to"/>: <c>{name}.edge.{to}.{from}</c>.</summary>
    public string EdgeLabel(int to, int from) => string.Create(CultureInfo.InvariantCulture, $"{Name}.edge.{to}.{from}");
}

using System.Globalization;
using System.Text;

namespace NasFunctions.SearchSpace;

/// <summary>Writes and reads a cell DAG in NAS-Bench-201's notation: <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c>.</summary>
/// <remarks>
/// Nodes are numbered 0 (the cell's input) to N-1 (its output). Group i (joined by <c>+</c>) lists the inputs of node i+1; its
/// item <c>op~j</c> is the operation on the edge from node j. Edges are therefore ordered by target, then source.
/// </remarks>
internal static class CellCanonical
{
    /// <summary>The number of edges of a cell with <paramref name="nodes"/> nodes: one from every node to every later node.</summary>
    public static int EdgeCount(int nodes) => nodes * (nodes - 1) / 2;

    /// <summary>The edges (to, from) in canonical order.</summary>
    public static IEnumerable<(int To, int From)> Edges(int nodes)
    {
        for (var to = 1; to < nodes; to++)
        {
            for (var from = 0; from < to; from++)
            {
                yield return (to, from);
            }
        }
    }

    /// <summary>Writes the operations, one per edge in canonical order.</summary>
    public static string Format(IReadOnlyList<string> operations, int nodes)
    {
        var text = new StringBuilder();
        var k = 0;
        for (var to = 1; to < nodes; to++)
        {
            if (to > 1)
            {
                text.Append('+');
            }

            text.Append('|');
            for (var from = 0; from < to; from++)
            {
                text.Append(operations[k++]).Append('~').Append(from.ToString(CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    }

    /// <summary>Reads the operations of a cell, one per edge in canonical order; appends a message for every problem.</summary>
    /// <returns>The operations, or null when there was any problem.</returns>
    public static List<string>? Parse(string text, int nodes, IReadOnlyList<string> allowed, List<string> problems)
    {
        var before = problems.Count;
        var groups = text.Split('+');
        if (groups.Length != nodes - 1)
        {
            problems.Add($"has {groups.Length} node groups joined by '+', but a cell of {nodes} nodes has {nodes - 1}");
        }

        var operations = new List<string>(EdgeCount(nodes));
        for (var g = 0; g < groups.Length; g++)
        {
            var to = g + 1;
            var group = groups[g];
            if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
            {
                problems.Add($"node {to}: '{group}' must start and end with '|'");
                continue;
            }

            var items = group[1..^1].Split('|');
            if (items.Length != to)
            {
                problems.Add($"node {to}: has {items.Length} inputs, but it takes one from each of nodes 0 to {to - 1} ({to})");
            }

            for (var i = 0; i < items.Length; i++)
            {
                ParseEdge(items[i], to, i, allowed, problems, operations);
            }
        }

        return problems.Count == before ? operations : null;
    }

    private static void ParseEdge(string item, int to, int position, IReadOnlyList<string> allowed, List<string> problems, List<string> operations)
    {
        var tilde = item.LastIndexOf('~');
        if (tilde < 0)
        {
            problems.Add($"node {to}: input '{item}' must be written 'op~{position}'");
            return;
        }

        var operation = item[..tilde];
        var source = item[(tilde + 1)..];
        if (source != position.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add($"node {to}: input {position} is '{item}', but must come from node {position} ('~{position}')");
        }

        if (!allowed.Contains(operation, StringComparer.Ordinal))
        {
            problems.Add($"node {to}: unknown operation '{operation}' (allowed: {string.Join(", ", allowed)})");
        }

        operations.Add(operation);
    }
}

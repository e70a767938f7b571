namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>Size and growth of NAS-Bench-201 cells: the size is the number of active (not <c>none</c>) edges; one step activates one more.</summary>
public sealed partial class NasBench201Space : IGrowableSpace
{
    private const string NoneName = "none";

    /// <summary>The number of edges whose operation is not <c>none</c> (0 to 6).</summary>
    public int Complexity(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return Decisions.Count(d => architecture.Choices[d.Label] != NoneName);
    }

    /// <summary>The empty cell when <c>none</c> is allowed; otherwise every cell (all have six active edges).</summary>
    public IEnumerable<Architecture> Smallest()
    {
        if (_operationNames.Contains(NoneName, StringComparer.Ordinal))
        {
            yield return Build([.. Decisions.Select(_ => NoneName)]);
            yield break;
        }

        for (long i = 0; i < Size; i++)
        {
            yield return Create(DecisionGrid.ChoicesAt(Decisions, i));
        }
    }

    /// <summary>Every cell made by giving one <c>none</c> edge another allowed operation.</summary>
    public IEnumerable<Architecture> Grow(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var operations = Decisions.Select(d => architecture.Choices[d.Label]).ToArray();
        for (var edge = 0; edge < operations.Length; edge++)
        {
            if (operations[edge] != NoneName)
            {
                continue;
            }

            foreach (var operation in _operationNames.Where(o => o != NoneName))
            {
                var grown = (string[])operations.Clone();
                grown[edge] = operation;
                yield return Build(grown);
            }
        }
    }
}

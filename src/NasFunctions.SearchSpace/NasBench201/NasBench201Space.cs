using System.Text.Json;

namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>The NAS-Bench-201 cell space: a 4-node DAG whose 6 edges each pick one of five operations (15,625 cells).</summary>
/// <remarks>
/// Decisions, in canonical order: <c>edge.1.0</c>, <c>edge.2.0</c>, <c>edge.2.1</c>, <c>edge.3.0</c>, <c>edge.3.1</c>,
/// <c>edge.3.2</c> (<c>edge.{to}.{from}</c>), each choosing among the allowed operations in the benchmark's order. Canonical
/// string: the benchmark's own, <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c> (the groups are the inputs of nodes 1, 2 and 3).
/// Every edge is always used, so no decision is ever reset.
/// </remarks>
public sealed partial class NasBench201Space : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "nas-bench-201";

    private readonly string[] _operationNames;

    /// <summary>Creates the space; throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public NasBench201Space(NasBench201SpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpaceReader.ThrowIfInvalid(options.Validate(), KindName);
        Options = new NasBench201SpaceOptions
        {
            Operations = [.. options.Operations],
            Channels = options.Channels,
            CellsPerStage = options.CellsPerStage,
            InputChannels = options.InputChannels,
            InputHeight = options.InputHeight,
            InputWidth = options.InputWidth,
            Classes = options.Classes,
        };
        _operationNames = [.. Options.Operations.Select(NasBench201Operations.Name)];
        Decisions = [.. NasBench201Edge.All.Select(e => new Decision(e.Label, _operationNames))];
        Size = DecisionGrid.Count(Decisions);
    }

    /// <summary>The benchmark's space: all five operations, 16 channels, 5 cells per stage, 3x32x32 input, 10 classes.</summary>
    public static NasBench201Space Default { get; } = new(new NasBench201SpaceOptions());

    /// <summary>What this space allows (a copy of the options it was created with).</summary>
    public NasBench201SpaceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Distinct cells: operations to the sixth power (15,625 for all five).</summary>
    public long Size { get; }

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static NasBench201Space? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var options = NasBench201SpaceReader.Read(element, path, errors);
        return options is null ? null : new NasBench201Space(options);
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices)
    {
        DecisionChoices.Check(Decisions, choices);
        return Build([.. Decisions.Select(d => choices[d.Label])]);
    }

    /// <summary>The architecture of a typed cell.</summary>
    /// <exception cref="ArgumentException">The cell uses an operation this space does not allow.</exception>
    public Architecture Create(NasBench201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var disallowed = cell.Operations.Distinct().Where(o => !Options.Operations.Contains(o)).Select(NasBench201Operations.Name).ToList();
        if (disallowed.Count > 0)
        {
            throw new ArgumentException($"operations not in this space: {string.Join(", ", disallowed)}", nameof(cell));
        }

        return Build([.. cell.Operations.Select(NasBench201Operations.Name)]);
    }

    /// <inheritdoc />
    public Architecture Parse(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return Build(ParseOperations(canonical));
    }

    /// <summary>The typed cell of an architecture of this space.</summary>
    /// <exception cref="FormatException">Its canonical string is not a cell of this space.</exception>
    public NasBench201Cell Decode(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new NasBench201Cell([.. ParseOperations(architecture.Canonical).Select(Operation)]);
    }

    /// <summary>Picks every edge's operation uniformly at random (one draw per edge, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    private static NasBench201Operation Operation(string name) =>
        NasBench201Operations.TryParse(name, out var operation) ? operation : throw new FormatException($"unknown operation '{name}'");

    private List<string> ParseOperations(string canonical)
    {
        var problems = new List<string>();
        var operations = CellCanonical.Parse(canonical, NasBench201Cell.Nodes, _operationNames, problems);
        if (operations is null)
        {
            throw new FormatException($"'{canonical}' is not a cell of this {KindName} space: {string.Join("; ", problems)}");
        }

        return operations;
    }

    private Architecture Build(IReadOnlyList<string> operations)
    {
        var choices = new Dictionary<string, string>(Decisions.Count, StringComparer.Ordinal);
        for (var i = 0; i < Decisions.Count; i++)
        {
            choices[Decisions[i].Label] = operations[i];
        }

        return new Architecture(CellCanonical.Format(operations, NasBench201Cell.Nodes), choices);
    }
}

using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.NasBench201;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A NAS-Bench-201 cell: node i is the sum over j &lt; i of op(i, j) applied to node j; node 3 is the output.</summary>
/// <remarks>
/// <c>none</c> edges are left out of the sums; a node with no incoming edge is zeros, which the operations after it still see
/// (a convolution's batch norm may turn zeros into a constant). Channels and resolution never change inside a cell.
/// </remarks>
internal sealed class NasBench201CellModule : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "edges")]
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> _edges;

    private readonly NasBench201Edge[] _active;

    public NasBench201CellModule(NasBench201Cell cell, long channels) : base("NasBench201Cell")
    {
        _active = [.. cell.ActiveEdges];
        _edges = nn.ModuleList(_active.Select(edge => Operation(cell.Operations[edge.Index], channels)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var nodes = new Tensor?[NasBench201Cell.Nodes];
        nodes[0] = input;
        for (var to = 1; to < NasBench201Cell.Nodes; to++)
        {
            Tensor? sum = null;
            for (var e = 0; e < _active.Length; e++)
            {
                if (_active[e].To != to)
                {
                    continue;
                }

                var output = _edges[e].forward(nodes[_active[e].From] ?? zeros_like(input));
                sum = sum is null ? output : sum.add(output, HeldScalars.One);
            }

            nodes[to] = sum;
        }

        return nodes[^1] ?? zeros_like(input);
    }

    public FlopCount CountFlops(long[] inputShape)
    {
        var elements = FlopCounter.Elements(inputShape);
        long flops = 0;
        for (var to = 1; to < NasBench201Cell.Nodes; to++)
        {
            var incoming = 0;
            for (var e = 0; e < _active.Length; e++)
            {
                if (_active[e].To == to)
                {
                    flops += FlopCounter.Walk(_edges[e], inputShape).Flops;
                    incoming++;
                }
            }

            flops += Math.Max(0, incoming - 1) * elements; // the sum of the node's inputs
        }

        return new FlopCount(flops, inputShape);
    }

    private static nn.Module<Tensor, Tensor> Operation(NasBench201Operation operation, long channels) => operation switch
    {
        NasBench201Operation.SkipConnect => new SkipConnection(),
        NasBench201Operation.NorConv1x1 => new ReluConvBn(channels, channels, 1, 1, 0),
        NasBench201Operation.NorConv3x3 => new ReluConvBn(channels, channels, 3, 1, 1),
        NasBench201Operation.AvgPool3x3 => new AveragePool3x3(),
        _ => throw new ArgumentException($"{operation} has no module.", nameof(operation)),
    };
}

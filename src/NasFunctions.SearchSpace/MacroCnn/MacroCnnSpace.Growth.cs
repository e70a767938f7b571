namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>Size and growth of macro CNNs: one step is one more block (at the smallest width) or one convolution a width wider.</summary>
public sealed partial class MacroCnnSpace : IGrowableSpace
{
    /// <summary>Blocks above <see cref="MacroCnnSpaceOptions.MinBlocks"/>, plus each convolution's rank among the allowed widths (smallest 0).</summary>
    public int Complexity(Architecture architecture)
    {
        var blocks = Decode(architecture).Blocks;
        return blocks.Count - Options.MinBlocks + blocks.Where(b => b.IsConvolution).Sum(b => WidthRank(b.Channels));
    }

    /// <summary>Every network of <see cref="MacroCnnSpaceOptions.MinBlocks"/> blocks, each convolution at the smallest width.</summary>
    public IEnumerable<Architecture> Smallest()
    {
        IEnumerable<List<MacroBlock>> chains = [[]];
        for (var i = 0; i < Options.MinBlocks; i++)
        {
            chains = chains.SelectMany(chain => NarrowBlocks().Select(block => (List<MacroBlock>)[.. chain, block]));
        }

        return chains.Select(Build);
    }

    /// <summary>Every network made by inserting one narrow block anywhere (below the block limit) or widening one convolution one step.</summary>
    public IEnumerable<Architecture> Grow(Architecture architecture)
    {
        var blocks = Decode(architecture).Blocks;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var widths = SortedWidths();
        if (blocks.Count < Options.MaxBlocks)
        {
            for (var at = 0; at <= blocks.Count; at++)
            {
                foreach (var block in NarrowBlocks())
                {
                    var grown = Build([.. blocks.Take(at), block, .. blocks.Skip(at)]);
                    if (seen.Add(grown.Canonical))
                    {
                        yield return grown;
                    }
                }
            }
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var rank = blocks[i].IsConvolution ? WidthRank(blocks[i].Channels) : widths.Length - 1;
            if (rank + 1 < widths.Length)
            {
                var wider = blocks.ToList();
                wider[i] = blocks[i] with { Channels = widths[rank + 1] };
                var grown = Build(wider);
                if (seen.Add(grown.Canonical))
                {
                    yield return grown;
                }
            }
        }
    }

    private int[] SortedWidths() => [.. Options.Channels.Order()];

    private int WidthRank(int channels) => Array.IndexOf(SortedWidths(), channels);

    private IEnumerable<MacroBlock> NarrowBlocks()
    {
        var narrowest = Options.Channels.Min();
        foreach (var operation in Options.Operations)
        {
            if (!MacroOperationNames.IsConvolution(operation))
            {
                yield return new MacroBlock(operation, 0, false, false);
                continue;
            }

            foreach (var batchNorm in Options.BatchNorm)
            {
                foreach (var skip in Options.Skip)
                {
                    yield return new MacroBlock(operation, narrowest, batchNorm, skip);
                }
            }
        }
    }
}

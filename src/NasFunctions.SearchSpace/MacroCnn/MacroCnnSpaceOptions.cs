namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>What a macro CNN space allows; each property is the JSON field of the same camelCase name, with the default shown.</summary>
/// <remarks>
/// JSON: <c>{ "kind": "macro-cnn", "input": [1, 28, 28], "classes": 10, "minBlocks": 1, "maxBlocks": 4, "operations": ["conv3x3",
/// "conv5x5", "sepconv3x3", "maxpool", "avgpool"], "channels": [16, 32, 64], "batchNorm": [false, true], "skip": [false, true] }</c>.
/// The lists give the allowed values in order; the first value of each is what unused decisions are reset to.
/// </remarks>
public sealed class MacroCnnSpaceOptions
{
    /// <summary>Channels of the input images (<c>input[0]</c>); default 1 (grey).</summary>
    public int InputChannels { get; init; } = 1;

    /// <summary>Input height in pixels (<c>input[1]</c>); default 28.</summary>
    public int InputHeight { get; init; } = 28;

    /// <summary>Input width in pixels (<c>input[2]</c>); default 28.</summary>
    public int InputWidth { get; init; } = 28;

    /// <summary>Number of output classes (<c>classes</c>), at least 2; default 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Fewest blocks a network may have (<c>minBlocks</c>), at least 1; default 1.</summary>
    public int MinBlocks { get; init; } = 1;

    /// <summary>Most blocks (<c>maxBlocks</c>), from MinBlocks to <see cref="MaxBlocksFor"/> the input; default 4.</summary>
    public int MaxBlocks { get; init; } = 4;

    /// <summary>Allowed block operations (<c>operations</c>), non-empty, no repeats; default all five.</summary>
    public IReadOnlyList<MacroOperation> Operations { get; init; } =
        [MacroOperation.Conv3x3, MacroOperation.Conv5x5, MacroOperation.SepConv3x3, MacroOperation.MaxPool, MacroOperation.AvgPool];

    /// <summary>Allowed output channels of convolution blocks (<c>channels</c>), positive, non-empty, no repeats; default 16, 32, 64.</summary>
    public IReadOnlyList<int> Channels { get; init; } = [16, 32, 64];

    /// <summary>Allowed batch-norm settings of convolution blocks (<c>batchNorm</c>); default false, true.</summary>
    public IReadOnlyList<bool> BatchNorm { get; init; } = [false, true];

    /// <summary>Allowed residual-skip settings of convolution blocks (<c>skip</c>); default false, true.</summary>
    public IReadOnlyList<bool> Skip { get; init; } = [false, true];

    /// <summary>How many stride-2 blocks an input takes before it is 1x1 (ceil halving: 28 -> 14 -> 7 -> 4 -> 2 -> 1 is 5).</summary>
    public static int MaxBlocksFor(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var blocks = 0;
        while (height > 1 || width > 1)
        {
            height = (height + 1) / 2;
            width = (width + 1) / 2;
            blocks++;
        }

        return blocks;
    }

    /// <summary>Every problem with these options, each at the JSON path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        foreach (var (name, list) in new (string, object?)[] { ("operations", Operations), ("channels", Channels), ("batchNorm", BatchNorm), ("skip", Skip) })
        {
            if (list is null)
            {
                errors.Add(new SpecError(SpecJson.Property(path, name), "is required"));
            }
        }

        MacroCnnSpaceDraft.From(this).Check(path, errors);
        return errors;
    }
}

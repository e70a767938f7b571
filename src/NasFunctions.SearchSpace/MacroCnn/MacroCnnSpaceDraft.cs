using System.Globalization;

namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>Macro CNN space settings as read so far: null marks a value that could not be read (already reported).</summary>
/// <remarks>The one place the rules live: both JSON reading and <see cref="MacroCnnSpaceOptions.Validate"/> check through it.</remarks>
internal sealed class MacroCnnSpaceDraft
{
    public IReadOnlyList<int?>? Input { get; set; }

    public int? Classes { get; set; }

    public int? MinBlocks { get; set; }

    public int? MaxBlocks { get; set; }

    public IReadOnlyList<MacroOperation?>? Operations { get; set; }

    public IReadOnlyList<int?>? Channels { get; set; }

    public IReadOnlyList<bool?>? BatchNorm { get; set; }

    public IReadOnlyList<bool?>? Skip { get; set; }

    public static MacroCnnSpaceDraft From(MacroCnnSpaceOptions options) => new()
    {
        Input = [options.InputChannels, options.InputHeight, options.InputWidth],
        Classes = options.Classes,
        MinBlocks = options.MinBlocks,
        MaxBlocks = options.MaxBlocks,
        Operations = options.Operations?.Select(o => (MacroOperation?)o).ToList(),
        Channels = options.Channels?.Select(c => (int?)c).ToList(),
        BatchNorm = options.BatchNorm?.Select(b => (bool?)b).ToList(),
        Skip = options.Skip?.Select(b => (bool?)b).ToList(),
    };

    /// <summary>Appends every rule broken by the values that were read; rules that need an unread value are skipped.</summary>
    public void Check(string path, List<SpecError> errors)
    {
        var inputPath = SpecJson.Property(path, "input");
        if (Input is not null)
        {
            if (Input.Count != 3)
            {
                errors.Add(new SpecError(inputPath, $"must be [channels, height, width] (3 numbers), not {Input.Count} numbers"));
            }

            for (var i = 0; i < Input.Count; i++)
            {
                if (Input[i] is <= 0 and var value)
                {
                    errors.Add(new SpecError(SpecJson.Index(inputPath, i), $"must be positive, not {value}"));
                }
            }
        }

        if (Classes is < 2)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "classes"), $"must be at least 2, not {Classes}"));
        }

        CheckBlocks(path, errors);
        CheckList(Operations, SpecJson.Property(path, "operations"), o => Enum.IsDefined(o) ? null : $"unknown operation {(int)o}",
            o => Enum.IsDefined(o) ? MacroOperationNames.Name(o) : ((int)o).ToString(CultureInfo.InvariantCulture), errors);
        CheckList(Channels, SpecJson.Property(path, "channels"), c => LayerWidths.Problem(c),
            c => c.ToString(CultureInfo.InvariantCulture), errors);
        CheckList(BatchNorm, SpecJson.Property(path, "batchNorm"), _ => null, FormatBool, errors);
        CheckList(Skip, SpecJson.Property(path, "skip"), _ => null, FormatBool, errors);
    }

    /// <summary>The options, once <see cref="Check"/> found nothing and every value was read.</summary>
    public MacroCnnSpaceOptions ToOptions() => new()
    {
        InputChannels = Input![0]!.Value,
        InputHeight = Input[1]!.Value,
        InputWidth = Input[2]!.Value,
        Classes = Classes!.Value,
        MinBlocks = MinBlocks!.Value,
        MaxBlocks = MaxBlocks!.Value,
        Operations = [.. Operations!.Select(o => o!.Value)],
        Channels = [.. Channels!.Select(c => c!.Value)],
        BatchNorm = [.. BatchNorm!.Select(b => b!.Value)],
        Skip = [.. Skip!.Select(b => b!.Value)],
    };

    private static string FormatBool(bool value) => value ? "true" : "false";

    private void CheckBlocks(string path, List<SpecError> errors)
    {
        var minPath = SpecJson.Property(path, "minBlocks");
        var maxPath = SpecJson.Property(path, "maxBlocks");
        if (MinBlocks is < 1)
        {
            errors.Add(new SpecError(minPath, $"must be at least 1, not {MinBlocks}"));
        }

        if (MaxBlocks is < 1)
        {
            errors.Add(new SpecError(maxPath, $"must be at least 1, not {MaxBlocks}"));
        }

        if (MinBlocks is >= 1 and var min && MaxBlocks is >= 1 and var max && min > max)
        {
            errors.Add(new SpecError(minPath, $"must not exceed maxBlocks ({max}), not {min}"));
        }

        if (MaxBlocks is >= 1 and var maxBlocks && Input is [_, > 0 and var height, > 0 and var width])
        {
            var fit = MacroCnnSpaceOptions.MaxBlocksFor(height, width);
            if (maxBlocks > fit)
            {
                errors.Add(new SpecError(maxPath,
                    $"must be at most {fit}: every block halves the resolution and a {height}x{width} input is 1x1 after {fit}, not {maxBlocks}"));
            }
        }
    }

    private static void CheckList<T>(
        IReadOnlyList<T?>? items, string path, Func<T, string?> problem, Func<T, string> show, List<SpecError> errors)
        where T : struct
    {
        if (items is null)
        {
            return;
        }

        if (items.Count == 0)
        {
            errors.Add(new SpecError(path, "must list at least one value"));
            return;
        }

        var seen = new HashSet<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                continue;
            }

            if (problem(item) is { } message)
            {
                errors.Add(new SpecError(SpecJson.Index(path, i), message));
            }
            else if (!seen.Add(item))
            {
                errors.Add(new SpecError(SpecJson.Index(path, i), $"repeats {show(item)}"));
            }
        }
    }
}

using System.Globalization;
using System.Text;

namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>Writes and reads the canonical string of a macro CNN: blocks joined by <c>|</c>, e.g. <c>conv3x3/32+bn|maxpool</c>.</summary>
/// <remarks>A convolution block is <c>{op}/{channels}</c>, then <c>+bn</c> with batch norm and <c>+skip</c> with a shortcut; a pooling block is its op name.</remarks>
internal static class MacroCnnCanonical
{
    private const string BatchNormFlag = "bn";
    private const string SkipFlag = "skip";

    public static string Format(IEnumerable<MacroBlock> blocks) => string.Join('|', blocks.Select(FormatBlock));

    public static string FormatBlock(MacroBlock block)
    {
        var name = MacroOperationNames.Name(block.Operation);
        if (!block.IsConvolution)
        {
            return name;
        }

        var text = new StringBuilder(name).Append('/').Append(block.Channels.ToString(CultureInfo.InvariantCulture));
        if (block.BatchNorm)
        {
            text.Append('+').Append(BatchNormFlag);
        }

        if (block.Skip)
        {
            text.Append('+').Append(SkipFlag);
        }

        return text.ToString();
    }

    /// <summary>Parses the blocks, appending a message for every problem (syntax, or a value this space does not allow).</summary>
    public static List<MacroBlock> Parse(string canonical, MacroCnnSpaceOptions space, List<string> problems)
    {
        var parts = canonical.Split('|');
        if (parts.Length < space.MinBlocks || parts.Length > space.MaxBlocks)
        {
            problems.Add($"{parts.Length} blocks, but this space allows {space.MinBlocks} to {space.MaxBlocks}");
        }

        var blocks = new List<MacroBlock>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (ParseBlock(parts[i], $"b{i}", space, problems) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    private static MacroBlock? ParseBlock(string text, string label, MacroCnnSpaceOptions space, List<string> problems)
    {
        if (text.Length == 0)
        {
            problems.Add($"{label} is empty");
            return null;
        }

        var before = problems.Count;
        var flagParts = text.Split('+');
        var head = flagParts[0].Split('/');
        var opName = head[0];
        var channelsText = head.Length > 1 ? string.Join('/', head.Skip(1)) : null;
        var flags = flagParts.Skip(1).ToList();

        var known = MacroOperationNames.TryParse(opName, out var operation);
        if (!known)
        {
            problems.Add($"{label}: unknown operation '{opName}' (known: {string.Join(", ", MacroOperationNames.All)})");
        }
        else if (!space.Operations.Contains(operation))
        {
            problems.Add($"{label}: operation '{opName}' is not in this space (allowed: {string.Join(", ", space.Operations.Select(MacroOperationNames.Name))})");
        }

        if (known && !MacroOperationNames.IsConvolution(operation))
        {
            if (channelsText is not null || flags.Count > 0)
            {
                problems.Add($"{label}: pooling block '{opName}' takes no channels or flags, but is written '{text}'");
            }

            return problems.Count == before ? new MacroBlock(operation, 0, false, false) : null;
        }

        if (!known && channelsText is null)
        {
            return null;
        }

        var channels = ParseChannels(channelsText, label, opName, known, space, problems);
        var (batchNorm, skip) = ParseFlags(flags, label, space, problems);
        return problems.Count == before ? new MacroBlock(operation, channels, batchNorm, skip) : null;
    }

    private static int ParseChannels(
        string? text, string label, string opName, bool known, MacroCnnSpaceOptions space, List<string> problems)
    {
        if (text is null)
        {
            if (known)
            {
                problems.Add($"{label}: convolution '{opName}' needs its channels, e.g. '{opName}/{space.Channels[0]}'");
            }

            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var channels) || text.Length > 1 && text[0] == '0')
        {
            problems.Add($"{label}: channels '{text}' is not a whole number");
            return 0;
        }

        if (!space.Channels.Contains(channels))
        {
            problems.Add($"{label}: channels {channels} is not in this space (allowed: {string.Join(", ", space.Channels)})");
        }

        return channels;
    }

    private static (bool BatchNorm, bool Skip) ParseFlags(List<string> flags, string label, MacroCnnSpaceOptions space, List<string> problems)
    {
        var batchNorm = false;
        var skip = false;
        foreach (var flag in flags)
        {
            ref var target = ref flag == BatchNormFlag ? ref batchNorm : ref skip;
            if (flag is not (BatchNormFlag or SkipFlag))
            {
                problems.Add($"{label}: unknown flag '+{flag}' (known: +{BatchNormFlag}, +{SkipFlag})");
            }
            else if (target)
            {
                problems.Add($"{label}: flag '+{flag}' is written twice");
            }
            else
            {
                target = true;
            }
        }

        CheckAllowed(batchNorm, space.BatchNorm, label, "batch norm", BatchNormFlag, problems);
        CheckAllowed(skip, space.Skip, label, "skip", SkipFlag, problems);
        return (batchNorm, skip);
    }

    private static void CheckAllowed(bool value, IReadOnlyList<bool> allowed, string label, string what, string flag, List<string> problems)
    {
        if (!allowed.Contains(value))
        {
            problems.Add(value
                ? $"{label}: {what} (+{flag}) is not allowed in this space"
                : $"{label}: {what} is required in this space (+{flag})");
        }
    }
}

using System.Globalization;
using System.Text.Json;

namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>A chain of stride-2 blocks (convolution or pooling) for small images, then global average pooling and a linear head.</summary>
/// <remarks>
/// Decisions, in order: <c>blocks</c>, then for every block i below MaxBlocks <c>b{i}.op</c>, <c>b{i}.channels</c>, <c>b{i}.bn</c>
/// and <c>b{i}.skip</c>. Canonical string: blocks joined by <c>|</c>; a convolution is <c>{op}/{channels}</c> with <c>+bn</c> and
/// then <c>+skip</c> when set (<c>conv3x3/32+bn|maxpool|sepconv3x3/64+bn+skip</c>); a pooling block is its op name.
/// </remarks>
public sealed partial class MacroCnnSpace : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "macro-cnn";

    /// <summary>The label of the block-count decision.</summary>
    public const string BlocksLabel = "blocks";

    private readonly string[] _operationNames;
    private readonly string[] _channelNames;
    private readonly string[] _batchNormNames;
    private readonly string[] _skipNames;

    /// <summary>Creates the space; throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public MacroCnnSpace(MacroCnnSpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid macro-cnn space: {string.Join("; ", errors)}", nameof(options));
        }

        Options = new MacroCnnSpaceOptions
        {
            InputChannels = options.InputChannels,
            InputHeight = options.InputHeight,
            InputWidth = options.InputWidth,
            Classes = options.Classes,
            MinBlocks = options.MinBlocks,
            MaxBlocks = options.MaxBlocks,
            Operations = [.. options.Operations],
            Channels = [.. options.Channels],
            BatchNorm = [.. options.BatchNorm],
            Skip = [.. options.Skip],
        };
        _operationNames = [.. Options.Operations.Select(MacroOperationNames.Name)];
        _channelNames = [.. Options.Channels.Select(c => c.ToString(CultureInfo.InvariantCulture))];
        _batchNormNames = [.. Options.BatchNorm.Select(FormatBool)];
        _skipNames = [.. Options.Skip.Select(FormatBool)];
        Decisions = BuildDecisions();
        Size = CountArchitectures();
    }

    /// <summary>The space with every default: 1x28x28 grey input, 10 classes, 1 to 4 blocks, all operations.</summary>
    public static MacroCnnSpace Default { get; } = new(new MacroCnnSpaceOptions());

    /// <summary>What this space allows (a copy of the options it was created with).</summary>
    public MacroCnnSpaceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Distinct architectures: the sum over block counts n of v^n, v being the variety of one block (saturates).</summary>
    public long Size { get; }

    /// <summary>The label of block <paramref name="block"/>'s operation decision: <c>b{block}.op</c>.</summary>
    public static string OperationLabel(int block) => $"b{block}.op";

    /// <summary>The label of block <paramref name="block"/>'s channels decision: <c>b{block}.channels</c>.</summary>
    public static string ChannelsLabel(int block) => $"b{block}.channels";

    /// <summary>The label of block <paramref name="block"/>'s batch-norm decision: <c>b{block}.bn</c>.</summary>
    public static string BatchNormLabel(int block) => $"b{block}.bn";

    /// <summary>The label of block <paramref name="block"/>'s skip decision: <c>b{block}.skip</c>.</summary>
    public static string SkipLabel(int block) => $"b{block}.skip";

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static MacroCnnSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var draft = MacroCnnSpaceReader.Read(element, path, errors);
        draft?.Check(path, errors);
        return draft is null || errors.Count > before ? null : new MacroCnnSpace(draft.ToOptions());
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new List<string>();
        foreach (var decision in Decisions)
        {
            if (!choices.TryGetValue(decision.Label, out var value))
            {
                problems.Add($"decision '{decision.Label}' is missing");
            }
            else if (!decision.Choices.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"decision '{decision.Label}' is '{value}', not one of {string.Join(", ", decision.Choices)}");
            }
        }

        var labels = Decisions.Select(d => d.Label).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(choices.Keys.Where(k => !labels.Contains(k)).Select(k => $"'{k}' is not a decision of this space"));
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(choices));
        }

        var count = int.Parse(choices[BlocksLabel], CultureInfo.InvariantCulture);
        var blocks = new List<MacroBlock>(count);
        for (var i = 0; i < count; i++)
        {
            MacroOperationNames.TryParse(choices[OperationLabel(i)], out var operation);
            blocks.Add(MacroOperationNames.IsConvolution(operation)
                ? new MacroBlock(
                    operation,
                    int.Parse(choices[ChannelsLabel(i)], CultureInfo.InvariantCulture),
                    choices[BatchNormLabel(i)] == "true",
                    choices[SkipLabel(i)] == "true")
                : new MacroBlock(operation, 0, false, false));
        }

        return Build(blocks);
    }

    /// <inheritdoc />
    public Architecture Parse(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var problems = new List<string>();
        var blocks = string.IsNullOrWhiteSpace(canonical) ? [] : MacroCnnCanonical.Parse(canonical, Options, problems);
        if (blocks.Count == 0 && problems.Count == 0)
        {
            problems.Add("it is empty");
        }

        if (problems.Count > 0)
        {
            throw new FormatException($"'{canonical}' is not an architecture of this {KindName} space: {string.Join("; ", problems)}");
        }

        return Build(blocks);
    }

    /// <summary>The typed network of an architecture of this space, for the trainer.</summary>
    /// <exception cref="FormatException">Its canonical string is not a network of this space.</exception>
    public MacroCnnNetwork Decode(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var problems = new List<string>();
        var blocks = MacroCnnCanonical.Parse(architecture.Canonical, Options, problems);
        if (problems.Count > 0)
        {
            throw new FormatException($"'{architecture.Canonical}' is not an architecture of this {KindName} space: {string.Join("; ", problems)}");
        }

        return new MacroCnnNetwork(Options.InputChannels, Options.InputHeight, Options.InputWidth, Options.Classes, blocks);
    }

    /// <summary>Picks every decision uniformly at random (one draw per decision, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    private static string FormatBool(bool value) => value ? "true" : "false";

    private Architecture Build(IReadOnlyList<MacroBlock> blocks)
    {
        var choices = new Dictionary<string, string>(Decisions.Count, StringComparer.Ordinal)
        {
            [BlocksLabel] = blocks.Count.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < Options.MaxBlocks; i++)
        {
            var block = i < blocks.Count ? blocks[i] : null;
            var convolution = block is { IsConvolution: true };
            choices[OperationLabel(i)] = block is null ? _operationNames[0] : MacroOperationNames.Name(block.Operation);
            choices[ChannelsLabel(i)] = convolution ? block!.Channels.ToString(CultureInfo.InvariantCulture) : _channelNames[0];
            choices[BatchNormLabel(i)] = convolution ? FormatBool(block!.BatchNorm) : _batchNormNames[0];
            choices[SkipLabel(i)] = convolution ? FormatBool(block!.Skip) : _skipNames[0];
        }

        return new Architecture(MacroCnnCanonical.Format(blocks), choices);
    }

    private List<Decision> BuildDecisions()
    {
        var blockCounts = Enumerable.Range(Options.MinBlocks, Options.MaxBlocks - Options.MinBlocks + 1)
            .Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
        var decisions = new List<Decision> { new(BlocksLabel, blockCounts) };
        for (var i = 0; i < Options.MaxBlocks; i++)
        {
            decisions.Add(new Decision(OperationLabel(i), _operationNames));
            decisions.Add(new Decision(ChannelsLabel(i), _channelNames));
            decisions.Add(new Decision(BatchNormLabel(i), _batchNormNames));
            decisions.Add(new Decision(SkipLabel(i), _skipNames));
        }

        return decisions;
    }

    private long CountArchitectures()
    {
        var convolutions = Options.Operations.Count(MacroOperationNames.IsConvolution);
        var pooling = Options.Operations.Count - convolutions;
        try
        {
            checked
            {
                var variety = pooling + ((long)convolutions * Options.Channels.Count * Options.BatchNorm.Count * Options.Skip.Count);
                long total = 0;
                long power = 1;
                for (var n = 1; n <= Options.MaxBlocks; n++)
                {
                    power *= variety;
                    if (n >= Options.MinBlocks)
                    {
                        total += power;
                    }
                }

                return total;
            }
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }
}

namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>What a seq2seq space allows; each property is the JSON field of the same camelCase name, with the default shown.</summary>
/// <remarks>
/// JSON: <c>{ "kind": "seq2seq", "sourceVocabulary": 8000, "targetVocabulary": 8000, "maxLength": 64, "encoders": ["lstm",
/// "gru", "transformer"], "decoders": ["lstm", "gru", "transformer"], "encoderLayers": [1, 2, 3], "decoderLayers": [1, 2, 3],
/// "embedding": [64, 128, 256], "width": [64, 128, 256], "heads": [2, 4], "feedForward": [256, 512], "norm": ["pre", "post"],
/// "tiedEmbeddings": [false, true], "dropout": [0, 0.1, 0.2] }</c>; the vocabularies and <c>maxLength</c> are required. Every
/// width must be a multiple of every head count, so every picked Transformer can split its width among its heads.
/// </remarks>
public sealed class Seq2SeqSpaceOptions
{
    /// <summary>The most layers a stack may have.</summary>
    public const int MostLayers = 12;

    /// <summary>The most tokens per sequence a space may allow (it bounds every sequence and every decoding).</summary>
    public const int MostLength = 1024;

    /// <summary>Number of source token ids (<c>sourceVocabulary</c>), at least 5 (four reserved and one); required in JSON.</summary>
    public int SourceVocabulary { get; init; } = 5;

    /// <summary>Number of target token ids (<c>targetVocabulary</c>), at least 5; required in JSON.</summary>
    public int TargetVocabulary { get; init; } = 5;

    /// <summary>Most tokens per sequence (<c>maxLength</c>), 1 to <see cref="MostLength"/>; required in JSON.</summary>
    public int MaxLength { get; init; } = 1;

    /// <summary>Allowed encoders (<c>encoders</c>), from <see cref="Seq2SeqVocabulary.Stacks"/>; default lstm, gru, transformer.</summary>
    public IReadOnlyList<string> Encoders { get; init; } = ["lstm", "gru", "transformer"];

    /// <summary>Allowed decoders (<c>decoders</c>), from <see cref="Seq2SeqVocabulary.Stacks"/>; default lstm, gru, transformer.</summary>
    public IReadOnlyList<string> Decoders { get; init; } = ["lstm", "gru", "transformer"];

    /// <summary>Allowed encoder depths (<c>encoderLayers</c>), 1 to <see cref="MostLayers"/>; default 1, 2, 3.</summary>
    public IReadOnlyList<int> EncoderLayers { get; init; } = [1, 2, 3];

    /// <summary>Allowed decoder depths (<c>decoderLayers</c>), 1 to <see cref="MostLayers"/>; default 1, 2, 3.</summary>
    public IReadOnlyList<int> DecoderLayers { get; init; } = [1, 2, 3];

    /// <summary>Allowed embedding sizes (<c>embedding</c>), positive; default 64, 128, 256.</summary>
    public IReadOnlyList<int> Embedding { get; init; } = [64, 128, 256];

    /// <summary>Allowed model widths (<c>width</c>), positive; default 64, 128, 256.</summary>
    public IReadOnlyList<int> Width { get; init; } = [64, 128, 256];

    /// <summary>Allowed attention head counts (<c>heads</c>), each dividing every width; default 2, 4.</summary>
    public IReadOnlyList<int> Heads { get; init; } = [2, 4];

    /// <summary>Allowed feed-forward widths of Transformer layers (<c>feedForward</c>), positive; default 256, 512.</summary>
    public IReadOnlyList<int> FeedForward { get; init; } = [256, 512];

    /// <summary>Allowed layer-norm placements (<c>norm</c>), from <see cref="Seq2SeqVocabulary.Norms"/>; default pre, post.</summary>
    public IReadOnlyList<string> Norm { get; init; } = ["pre", "post"];

    /// <summary>Allowed embedding tying (<c>tiedEmbeddings</c>); default false, true.</summary>
    public IReadOnlyList<bool> TiedEmbeddings { get; init; } = [false, true];

    /// <summary>Allowed dropout probabilities (<c>dropout</c>), from 0 to below 1; default 0, 0.1, 0.2.</summary>
    public IReadOnlyList<double> Dropout { get; init; } = [0, 0.1, 0.2];

    /// <summary>Every problem with these options, each at the JSON path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        AtLeast(errors, path, "sourceVocabulary", SourceVocabulary, 5);
        AtLeast(errors, path, "targetVocabulary", TargetVocabulary, 5);
        AtLeast(errors, path, "maxLength", MaxLength, 1);
        if (MaxLength > MostLength)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "maxLength"), $"must be at most {MostLength}, not {MaxLength}"));
        }
        SpecLists.Check(Encoders, SpecJson.Property(path, "encoders"), Known("encoder", Seq2SeqVocabulary.Stacks), s => s, errors);
        SpecLists.Check(Decoders, SpecJson.Property(path, "decoders"), Known("decoder", Seq2SeqVocabulary.Stacks), s => s, errors);
        SpecLists.Check(EncoderLayers, SpecJson.Property(path, "encoderLayers"), Depth, n => $"{n}", errors);
        SpecLists.Check(DecoderLayers, SpecJson.Property(path, "decoderLayers"), Depth, n => $"{n}", errors);
        SpecLists.Check(Embedding, SpecJson.Property(path, "embedding"), LayerWidths.Problem, e => $"{e}", errors);
        SpecLists.Check(Width, SpecJson.Property(path, "width"), LayerWidths.Problem, w => $"{w}", errors);
        SpecLists.Check(Heads, SpecJson.Property(path, "heads"), Divides, h => $"{h}", errors);
        SpecLists.Check(FeedForward, SpecJson.Property(path, "feedForward"), LayerWidths.Problem, f => $"{f}", errors);
        SpecLists.Check(Norm, SpecJson.Property(path, "norm"), Known("norm", Seq2SeqVocabulary.Norms), n => n, errors);
        SpecLists.Check(TiedEmbeddings, SpecJson.Property(path, "tiedEmbeddings"), _ => null, b => b ? "true" : "false", errors);
        SpecLists.Check(Dropout, SpecJson.Property(path, "dropout"),
            d => d is >= 0 and < 1 ? null : $"must be from 0 to below 1, not {Language.NumberLevels.Format(d)}", Language.NumberLevels.Format, errors);
        return errors;
    }

    private static string? Depth(int layers) => layers is >= 1 and <= MostLayers ? null : $"must be from 1 to {MostLayers}, not {layers}";

    private string? Divides(int heads)
    {
        if (heads < 1)
        {
            return $"must be positive, not {heads}";
        }

        var odd = (Width ?? []).Where(w => w > 0 && w % heads != 0).ToArray();
        return odd.Length == 0 ? null : $"{heads} heads do not divide width {string.Join(", ", odd)}; every width must be a multiple of every head count";
    }

    private static Func<string, string?> Known(string what, IReadOnlyList<string> known) =>
        name => known.Contains(name) ? null : $"unknown {what} '{name}'; known: {string.Join(", ", known)}";

    private static void AtLeast(List<SpecError> errors, string path, string name, int value, int min)
    {
        if (value < min)
        {
            errors.Add(new SpecError(SpecJson.Property(path, name), $"must be at least {min}, not {value}"));
        }
    }
}

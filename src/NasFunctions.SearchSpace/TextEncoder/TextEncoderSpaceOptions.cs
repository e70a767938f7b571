namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>What a text-encoder space allows; each property is the JSON field of the same camelCase name, with the default shown.</summary>
/// <remarks>
/// JSON: <c>{ "kind": "text-encoder", "vocabulary": 20000, "maxLength": 256, "classes": 2, "embedding": [32, 64, 128],
/// "minLayers": 1, "maxLayers": 3, "layers": ["conv3", "conv5", "lstm", "attention"], "width": [32, 64, 128],
/// "pooling": ["mean", "max", "last"] }</c>; <c>vocabulary</c>, <c>maxLength</c> and <c>classes</c> are required.
/// </remarks>
public sealed class TextEncoderSpaceOptions
{
    /// <summary>The most layers a space may allow.</summary>
    public const int MostLayers = 12;

    /// <summary>Number of distinct tokens (<c>vocabulary</c>), at least 2; required in JSON.</summary>
    public int Vocabulary { get; init; } = 2;

    /// <summary>Tokens per input (<c>maxLength</c>), at least 1; required in JSON.</summary>
    public int MaxLength { get; init; } = 1;

    /// <summary>Number of output classes (<c>classes</c>), at least 2; required in JSON.</summary>
    public int Classes { get; init; } = 2;

    /// <summary>Allowed embedding sizes (<c>embedding</c>), positive; default 32, 64, 128.</summary>
    public IReadOnlyList<int> Embedding { get; init; } = [32, 64, 128];

    /// <summary>Fewest layers (<c>minLayers</c>); default 1.</summary>
    public int MinLayers { get; init; } = 1;

    /// <summary>Most layers (<c>maxLayers</c>), at most <see cref="MostLayers"/>; default 3.</summary>
    public int MaxLayers { get; init; } = 3;

    /// <summary>Allowed layer operations (<c>layers</c>), from <see cref="TextEncoderVocabulary.Layers"/>; default conv3, conv5, lstm, attention.</summary>
    public IReadOnlyList<string> Layers { get; init; } = ["conv3", "conv5", "lstm", "attention"];

    /// <summary>Allowed layer widths (<c>width</c>), positive; default 32, 64, 128.</summary>
    public IReadOnlyList<int> Width { get; init; } = [32, 64, 128];

    /// <summary>Allowed poolings (<c>pooling</c>), from <see cref="TextEncoderVocabulary.Pooling"/>; default mean, max, last.</summary>
    public IReadOnlyList<string> Pooling { get; init; } = ["mean", "max", "last"];

    /// <summary>Every problem with these options, each at the JSON path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        AtLeast(errors, path, "vocabulary", Vocabulary, 2);
        AtLeast(errors, path, "maxLength", MaxLength, 1);
        AtLeast(errors, path, "classes", Classes, 2);
        SpecLists.Check(Embedding, SpecJson.Property(path, "embedding"), LayerWidths.Problem, e => $"{e}", errors);
        SpecLists.CheckLayers(MinLayers, MaxLayers, MostLayers, path, errors);
        SpecLists.Check(Layers, SpecJson.Property(path, "layers"), Known("layer", TextEncoderVocabulary.Layers), l => l, errors);
        SpecLists.Check(Width, SpecJson.Property(path, "width"), LayerWidths.Problem, w => $"{w}", errors);
        SpecLists.Check(Pooling, SpecJson.Property(path, "pooling"), Known("pooling", TextEncoderVocabulary.Pooling), p => p, errors);
        return errors;
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

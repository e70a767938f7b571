using System.Text.Json;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>Text classifiers: a token embedding, a stack of convolution, recurrent or attention layers, then pooling and a linear head.</summary>
/// <remarks>
/// Built on the search-space language. Decisions: <c>embedding</c>, <c>layers.count</c>, then for every layer i below MaxLayers
/// <c>layers.{i}.op</c> and <c>layers.{i}.width</c>, then <c>pooling</c>. Canonical string:
/// <c>embedding=64;layers=[op=conv3,width=64|op=lstm,width=32];pooling=mean</c>.
/// </remarks>
public sealed class TextEncoderSpace : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "text-encoder";

    private const string Layers = "layers";

    private readonly CustomSpace _space;

    /// <summary>Creates the space; throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public TextEncoderSpace(TextEncoderSpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpaceReader.ThrowIfInvalid(options.Validate(), KindName);
        Options = new TextEncoderSpaceOptions
        {
            Vocabulary = options.Vocabulary,
            MaxLength = options.MaxLength,
            Classes = options.Classes,
            Embedding = [.. options.Embedding],
            MinLayers = options.MinLayers,
            MaxLayers = options.MaxLayers,
            Layers = [.. options.Layers],
            Width = [.. options.Width],
            Pooling = [.. options.Pooling],
        };
        _space = new CustomSpace(KindName,
        [
            new IntParameter("embedding", Options.Embedding),
            new RepeatParameter(Layers, Options.MinLayers, Options.MaxLayers,
                [new ChoiceParameter("op", Options.Layers), new IntParameter("width", Options.Width)]),
            new ChoiceParameter("pooling", Options.Pooling),
        ]);
    }

    /// <summary>What this space allows (a copy of the options it was created with).</summary>
    public TextEncoderSpaceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions => _space.Decisions;

    /// <summary>Distinct networks: embeddings x poolings x the sum over layer counts n of (ops x widths)^n (saturates).</summary>
    public long Size => _space.Size;

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static TextEncoderSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var options = TextEncoderSpaceReader.Read(element, path, errors);
        return options is null ? null : new TextEncoderSpace(options);
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices) => _space.Create(choices);

    /// <inheritdoc />
    public Architecture Parse(string canonical) => _space.Parse(canonical);

    /// <summary>The typed network of an architecture of this space, for the trainer.</summary>
    /// <exception cref="FormatException">Its canonical string is not a network of this space.</exception>
    public TextEncoderNetwork Decode(Architecture architecture)
    {
        var values = _space.Decode(architecture);
        var layers = values.Repeat(Layers).Select(l => new TextEncoderLayer(l.String("op"), l.Int("width"))).ToList();
        return new TextEncoderNetwork(Options.Vocabulary, Options.MaxLength, Options.Classes, values.Int("embedding"), layers, values.String("pooling"));
    }

    /// <summary>Picks every decision uniformly at random (one draw per decision, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    /// <summary>The label of layer <paramref name="layer"/>'s decision <paramref name="field"/> (op or width).</summary>
    public static string LayerLabel(int layer, string field) => RepeatParameter.Label(Layers, layer, field);
}

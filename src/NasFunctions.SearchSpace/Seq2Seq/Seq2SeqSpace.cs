using System.Text.Json;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>Sequence-to-sequence networks: an encoder and a decoder, each recurrent (LSTM or GRU, with attention) or Transformer.</summary>
/// <remarks>
/// Built on the search-space language. Decisions, in order: <c>encoder</c>, <c>encoderLayers</c>, <c>decoder</c>,
/// <c>decoderLayers</c>, <c>embedding</c>, <c>width</c>, <c>heads</c>, <c>feedForward</c>, <c>norm</c>, <c>tiedEmbeddings</c>,
/// <c>dropout</c>. Canonical string: <c>encoder=transformer;encoderLayers=2;decoder=lstm;decoderLayers=1;embedding=128;width=128;
/// heads=4;feedForward=512;norm=pre;tiedEmbeddings=true;dropout=0.1</c>. When neither side is a Transformer, heads,
/// feedForward and norm shape nothing: they are reset to their first values, so they never tell two networks apart.
/// </remarks>
public sealed class Seq2SeqSpace : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "seq2seq";

    private static readonly string[] TransformerOnly = ["heads", "feedForward", "norm"];
    private readonly CustomSpace _space;

    /// <summary>Creates the space; throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public Seq2SeqSpace(Seq2SeqSpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpaceReader.ThrowIfInvalid(options.Validate(), KindName);
        Options = new Seq2SeqSpaceOptions
        {
            SourceVocabulary = options.SourceVocabulary,
            TargetVocabulary = options.TargetVocabulary,
            MaxLength = options.MaxLength,
            Encoders = [.. options.Encoders],
            Decoders = [.. options.Decoders],
            EncoderLayers = [.. options.EncoderLayers],
            DecoderLayers = [.. options.DecoderLayers],
            Embedding = [.. options.Embedding],
            Width = [.. options.Width],
            Heads = [.. options.Heads],
            FeedForward = [.. options.FeedForward],
            Norm = [.. options.Norm],
            TiedEmbeddings = [.. options.TiedEmbeddings],
            Dropout = [.. options.Dropout],
        };
        _space = new CustomSpace(KindName,
        [
            new ChoiceParameter("encoder", Options.Encoders),
            new IntParameter("encoderLayers", Options.EncoderLayers),
            new ChoiceParameter("decoder", Options.Decoders),
            new IntParameter("decoderLayers", Options.DecoderLayers),
            new IntParameter("embedding", Options.Embedding),
            new IntParameter("width", Options.Width),
            new IntParameter("heads", Options.Heads),
            new IntParameter("feedForward", Options.FeedForward),
            new ChoiceParameter("norm", Options.Norm),
            new ChoiceParameter("tiedEmbeddings", [.. Options.TiedEmbeddings.Select(b => b ? "true" : "false")]),
            new FloatParameter("dropout", Options.Dropout),
        ]);
        Size = CountSize();
    }

    /// <summary>What this space allows (a copy of the options it was created with).</summary>
    public Seq2SeqSpaceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions => _space.Decisions;

    /// <summary>Distinct networks: pairs with a Transformer side count every heads, feedForward and norm; all-recurrent pairs count one (saturates).</summary>
    public long Size { get; }

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static Seq2SeqSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var options = Seq2SeqSpaceReader.Read(element, path, errors);
        return options is null ? null : new Seq2SeqSpace(options);
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        DecisionChoices.Check(Decisions, choices);
        if (HasTransformer(choices))
        {
            return _space.Create(choices);
        }

        var reset = new Dictionary<string, string>(choices, StringComparer.Ordinal);
        foreach (var label in TransformerOnly)
        {
            reset[label] = Decisions.Single(d => d.Label == label).Choices[0];
        }

        return _space.Create(reset);
    }

    /// <inheritdoc />
    /// <exception cref="FormatException">The string is not a network of this space, or sets a Transformer-only field of an all-recurrent network.</exception>
    public Architecture Parse(string canonical)
    {
        var parsed = _space.Parse(canonical);
        var normal = Create(parsed.Choices);
        return normal.Equals(parsed) ? parsed : throw new FormatException(
            $"'{canonical}' is not canonical for this seq2seq space: with no Transformer side, heads, feedForward and norm take their first values ({normal.Canonical}).");
    }

    /// <summary>The typed network of an architecture of this space, for the trainer.</summary>
    /// <exception cref="FormatException">Its canonical string is not a network of this space.</exception>
    public Seq2SeqNetwork Decode(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var values = _space.Decode(Parse(architecture.Canonical));
        return new Seq2SeqNetwork(
            Options.SourceVocabulary, Options.TargetVocabulary, Options.MaxLength,
            new Seq2SeqStack(values.String("encoder"), values.Int("encoderLayers")),
            new Seq2SeqStack(values.String("decoder"), values.Int("decoderLayers")),
            values.Int("embedding"), values.Int("width"), values.Int("heads"), values.Int("feedForward"), values.String("norm"),
            bool.Parse(values.String("tiedEmbeddings")), values.Double("dropout"));
    }

    /// <summary>Picks every decision uniformly at random (one draw per decision, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    private static bool HasTransformer(IReadOnlyDictionary<string, string> choices) =>
        choices["encoder"] == Seq2SeqVocabulary.Transformer || choices["decoder"] == Seq2SeqVocabulary.Transformer;

    private long CountSize()
    {
        var stacks = (long)Options.Encoders.Count * Options.Decoders.Count;
        var recurrent = Options.Encoders.Count(e => e != Seq2SeqVocabulary.Transformer) * (long)Options.Decoders.Count(d => d != Seq2SeqVocabulary.Transformer);
        var shared = NumberLevels.Multiply(NumberLevels.Multiply(NumberLevels.Multiply((long)Options.EncoderLayers.Count * Options.DecoderLayers.Count,
            Options.Embedding.Count), (long)Options.Width.Count * Options.TiedEmbeddings.Count), Options.Dropout.Count);
        var transformerFields = (long)Options.Heads.Count * Options.FeedForward.Count * Options.Norm.Count;
        var pairs = NumberLevels.Multiply(stacks - recurrent, transformerFields);
        return NumberLevels.Multiply(shared, pairs > long.MaxValue - recurrent ? long.MaxValue : pairs + recurrent);
    }
}

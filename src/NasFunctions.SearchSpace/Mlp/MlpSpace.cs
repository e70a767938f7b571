using System.Text.Json;
using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace.Mlp;

/// <summary>Multi-layer perceptrons for tabular data: a stack of hidden layers, each picking width, activation, dropout and batch norm.</summary>
/// <remarks>
/// Built on the search-space language: one repeat parameter <c>layers</c>. Decisions: <c>layers.count</c>, then for every layer
/// i below MaxLayers <c>layers.{i}.units</c>, <c>layers.{i}.activation</c>, <c>layers.{i}.dropout</c>, <c>layers.{i}.batchNorm</c>.
/// Canonical string: <c>layers=[units=128,activation=relu,dropout=0.1,batchNorm=true|units=64,activation=gelu,dropout=0,batchNorm=false]</c>.
/// </remarks>
public sealed class MlpSpace : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "mlp";

    private const string Layers = "layers";

    private readonly CustomSpace _space;

    /// <summary>Creates the space; throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public MlpSpace(MlpSpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpaceReader.ThrowIfInvalid(options.Validate(), KindName);
        Options = new MlpSpaceOptions
        {
            Inputs = options.Inputs,
            Classes = options.Classes,
            MinLayers = options.MinLayers,
            MaxLayers = options.MaxLayers,
            Units = [.. options.Units],
            Activations = [.. options.Activations],
            Dropout = [.. options.Dropout],
            BatchNorm = [.. options.BatchNorm],
        };
        _space = new CustomSpace(KindName,
        [
            new RepeatParameter(Layers, Options.MinLayers, Options.MaxLayers,
            [
                new IntParameter("units", Options.Units),
                new ChoiceParameter("activation", Options.Activations),
                new FloatParameter("dropout", Options.Dropout),
                new ChoiceParameter("batchNorm", [.. Options.BatchNorm.Select(b => b ? "true" : "false")]),
            ]),
        ]);
    }

    /// <summary>What this space allows (a copy of the options it was created with).</summary>
    public MlpSpaceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions => _space.Decisions;

    /// <summary>Distinct networks: the sum over layer counts n of v^n, v being the variety of one layer (saturates).</summary>
    public long Size => _space.Size;

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static MlpSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var options = MlpSpaceReader.Read(element, path, errors);
        return options is null ? null : new MlpSpace(options);
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices) => _space.Create(choices);

    /// <inheritdoc />
    public Architecture Parse(string canonical) => _space.Parse(canonical);

    /// <summary>The typed network of an architecture of this space, for the trainer.</summary>
    /// <exception cref="FormatException">Its canonical string is not a network of this space.</exception>
    public MlpNetwork Decode(Architecture architecture)
    {
        var layers = _space.Decode(architecture).Repeat(Layers)
            .Select(l => new MlpLayer(l.Int("units"), l.String("activation"), l.Double("dropout"), bool.Parse(l.String("batchNorm"))))
            .ToList();
        return new MlpNetwork(Options.Inputs, Options.Classes, layers);
    }

    /// <summary>Picks every decision uniformly at random (one draw per decision, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    /// <summary>The label of layer <paramref name="layer"/>'s decision <paramref name="field"/> (units, activation, dropout, batchNorm).</summary>
    public static string LayerLabel(int layer, string field) => RepeatParameter.Label(Layers, layer, field);
}

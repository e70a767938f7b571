using System.Globalization;
using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.Mlp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>An <see cref="MlpNetwork"/> as a TorchSharp module: per hidden layer linear, optional batch norm, activation, dropout (drawn from the training's generator); then a linear head.</summary>
public sealed class MlpModel : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "layers")]
    private readonly nn.Module<Tensor, Tensor> _layers;

    /// <summary>Builds the layers of a network (fresh weights from the current torch seed).</summary>
    public MlpModel(MlpNetwork network) : base("Mlp")
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.Inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.Classes, 2);
        Network = network;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = network.Inputs;
        foreach (var (layer, index) in network.Layers.Select((l, i) => (l, i)))
        {
            var prefix = index.ToString(CultureInfo.InvariantCulture);
            layers.Add((prefix + "_linear", nn.Linear(width, layer.Units, hasBias: !layer.BatchNorm)));
            if (layer.BatchNorm)
            {
                layers.Add((prefix + "_norm", new BatchNormalization(layer.Units)));
            }

            layers.Add((prefix + "_activation", new Activation(layer.Activation)));
            if (layer.Dropout > 0)
            {
                layers.Add((prefix + "_dropout", new SeededDropout(layer.Dropout)));
            }

            width = layer.Units;
        }

        layers.Add(("head", nn.Linear(width, network.Classes)));
        _layers = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>The network this model was built from.</summary>
    public MlpNetwork Network { get; }

    /// <summary>Class scores (N, Classes) for a batch of feature rows (N, Inputs).</summary>
    public override Tensor forward(Tensor input) => _layers.forward(input);

    /// <inheritdoc />
    public FlopCount CountFlops(long[] inputShape) => FlopCounter.Walk(_layers, inputShape);
}

using System.Globalization;
using NasFunctions.Evaluator.Measures;
using NasFunctions.SearchSpace.TextEncoder;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A <see cref="TextEncoderNetwork"/> as a TorchSharp module: token embedding, its sequence layers, pooling over the real (unpadded) positions, a linear head.</summary>
/// <remarks>
/// Inputs are int64 token ids (N, L), padded at the end with id 0. Pooling sees positions up to each sequence's length (at least
/// one): <c>mean</c> averages them, <c>max</c> takes each feature's maximum, <c>last</c> takes the last real position.
/// </remarks>
public sealed class TextEncoderModel : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "embedding")]
    private readonly nn.Module<Tensor, Tensor> _embedding;

    [ComponentName(Name = "layers")]
    private readonly nn.Module<Tensor, Tensor> _layers;

    [ComponentName(Name = "head")]
    private readonly nn.Module<Tensor, Tensor> _head;

    private readonly long _features;
    private long[] _positions = [];

    /// <summary>Builds the layers of a network (fresh weights from the current torch seed).</summary>
    public TextEncoderModel(TextEncoderNetwork network) : base("TextEncoder")
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.Vocabulary, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.Classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(network.Embedding, 1);
        if (!TextEncoderVocabulary.Pooling.Contains(network.Pooling))
        {
            throw new ArgumentException($"Unknown pooling '{network.Pooling}'.", nameof(network));
        }

        Network = network;
        _embedding = nn.Embedding(network.Vocabulary, network.Embedding, padding_idx: 0);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = network.Embedding;
        foreach (var (layer, index) in network.Layers.Select((l, i) => (l, i)))
        {
            layers.Add((index.ToString(CultureInfo.InvariantCulture), Build(layer, width)));
            width = layer.Width;
        }

        _layers = layers.Count == 0 ? nn.Identity() : nn.Sequential(layers);
        _head = nn.Linear(width, network.Classes);
        _features = width;
        RegisterComponents();
    }

    /// <summary>The network this model was built from.</summary>
    public TextEncoderNetwork Network { get; }

    /// <summary>Class scores (N, Classes) for a batch of token ids (N, L).</summary>
    public override Tensor forward(Tensor input)
    {
        var x = _layers.forward(_embedding.forward(input));
        var (batch, length) = (input.shape[0], input.shape[1]);
        var lengths = input.ne(HeldScalars.Zero).sum(1).clamp_min(HeldScalars.One); // pads are at the end
        var positions = tensor(Positions(length), [1, length], device: input.device);
        var real = positions.lt(lengths.unsqueeze(1)).unsqueeze(2); // (N, L, 1)
        var pooled = Network.Pooling switch
        {
            "mean" => x.mul(real).sum(1).div(lengths.unsqueeze(1).to_type(x.dtype)),
            "max" => x.masked_fill(real.logical_not(), HeldScalars.VeryNegative).amax([1]),
            _ => x.gather(1, lengths.sub(HeldScalars.One).view(batch, 1, 1).expand(batch, 1, _features)).squeeze(1),
        };
        return _head.forward(pooled);
    }

    /// <inheritdoc />
    /// <remarks>The embedding lookup counts 0; mean pooling 2 per element, max pooling 1 per element, last 0.</remarks>
    public FlopCount CountFlops(long[] inputShape)
    {
        var length = inputShape[0];
        var layers = FlopCounter.Walk(_layers, [length, Network.Embedding]);
        var elements = FlopCounter.Elements(layers.OutputShape);
        var pooling = Network.Pooling switch
        {
            "mean" => (2 * elements) + _features,
            "max" => elements,
            _ => 0,
        };
        var head = FlopCounter.Walk(_head, [_features]);
        return new FlopCount(layers.Flops + pooling + head.Flops, head.OutputShape);
    }

    /// <summary>0, 1, ..., length - 1 (made once per length: arange would take its bound as an unheld scalar).</summary>
    private long[] Positions(long length)
    {
        if (_positions.Length != length)
        {
            _positions = [.. Enumerable.Range(0, (int)length).Select(i => (long)i)];
        }

        return _positions;
    }

    private static nn.Module<Tensor, Tensor> Build(TextEncoderLayer layer, long inputs) => layer.Operation switch
    {
        "conv3" => new SequenceConvolution(inputs, layer.Width, 3),
        "conv5" => new SequenceConvolution(inputs, layer.Width, 5),
        "conv7" => new SequenceConvolution(inputs, layer.Width, 7),
        "lstm" => new RecurrentLayer(lstm: true, inputs, layer.Width),
        "gru" => new RecurrentLayer(lstm: false, inputs, layer.Width),
        "attention" => new SelfAttention(inputs, layer.Width),
        _ => throw new ArgumentException($"Unknown text encoder layer '{layer.Operation}'.", nameof(layer)),
    };
}

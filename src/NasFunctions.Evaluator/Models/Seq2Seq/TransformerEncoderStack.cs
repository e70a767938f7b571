using NasFunctions.Evaluator.Models.Transformer;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>A Transformer encoder: the sinusoidal position signal added, then encoder layers; pre-norm stacks end with a layer norm.</summary>
internal sealed class TransformerEncoderStack : nn.Module, ISequenceEncoder
{
    [ComponentName(Name = "layers")]
    private readonly ModuleList<TransformerEncoderBlock> _layers;

    [ComponentName(Name = "final_norm")]
    private readonly nn.Module<Tensor, Tensor>? _finalNorm;

    public TransformerEncoderStack(int layers, long width, long heads, long feedForward, NormPlacement norm, double dropout) : base("TransformerEncoderStack")
    {
        Width = width;
        _layers = nn.ModuleList([.. Enumerable.Range(0, layers).Select(_ => new TransformerEncoderBlock(width, heads, feedForward, norm, dropout))]);
        _finalNorm = norm == NormPlacement.Pre ? nn.LayerNorm(width) : null;
        RegisterComponents();
    }

    public long Width { get; }

    public Tensor Encode(Tensor source, Tensor padding)
    {
        var x = source.add(Positions.Signal(source.shape[1], Width, source.device), HeldScalars.One);
        foreach (var layer in _layers)
        {
            x = layer.forward(x, padding);
        }

        return _finalNorm is null ? x : _finalNorm.forward(x);
    }
}

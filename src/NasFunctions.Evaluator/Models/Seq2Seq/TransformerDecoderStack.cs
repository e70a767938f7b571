using NasFunctions.Evaluator.Models.Transformer;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>A Transformer decoder: the position signal added, then decoder layers (causal self-attention, attention to the memory); pre-norm stacks end with a layer norm.</summary>
internal sealed class TransformerDecoderStack : nn.Module, ISequenceDecoder
{
    [ComponentName(Name = "layers")]
    private readonly ModuleList<TransformerDecoderBlock> _layers;

    [ComponentName(Name = "final_norm")]
    private readonly nn.Module<Tensor, Tensor>? _finalNorm;

    public TransformerDecoderStack(int layers, long width, long heads, long feedForward, NormPlacement norm, double dropout) : base("TransformerDecoderStack")
    {
        Width = width;
        _layers = nn.ModuleList([.. Enumerable.Range(0, layers).Select(_ => new TransformerDecoderBlock(width, heads, feedForward, norm, dropout))]);
        _finalNorm = norm == NormPlacement.Pre ? nn.LayerNorm(width) : null;
        RegisterComponents();
    }

    public long Width { get; }

    public Tensor Decode(Tensor target, Tensor memory, Tensor targetPadding, Tensor sourcePadding)
    {
        var x = target.add(Positions.Signal(target.shape[1], Width, target.device), HeldScalars.One);
        foreach (var layer in _layers)
        {
            x = layer.forward(x, memory, targetPadding, sourcePadding);
        }

        return Finish(x);
    }

    /// <summary>Every layer's cross-attention keys and values of the memory, made once; empty self-attention caches.</summary>
    public DecoderState Begin(Tensor memory, Tensor sourcePadding)
    {
        var projected = new List<Tensor>();
        foreach (var layer in _layers)
        {
            var (keys, values) = layer.ProjectMemory(memory);
            projected.AddRange([keys, values]);
        }

        return new DecoderState(sourcePadding, projected, [.. projected.Select(p => p.narrow(2, 0, 0))]);
    }

    /// <summary>One position through every layer, each attending to its cached prefix keys and values and to the memory's projections.</summary>
    public Tensor Step(Tensor token, DecoderState state)
    {
        var x = token.add(Positions.Signal(state.Steps + 1, Width, token.device).narrow(0, state.Steps, 1), HeldScalars.One);
        var next = new Tensor[state.Carried.Count];
        for (var i = 0; i < _layers.Count; i++)
        {
            var (output, keys, values) = _layers[i].Step(
                x, state.Carried[2 * i], state.Carried[(2 * i) + 1], state.Memory[2 * i], state.Memory[(2 * i) + 1], state.SourcePadding);
            (x, next[2 * i], next[(2 * i) + 1]) = (output, keys, values);
        }

        state.Carry(next);
        return Finish(x);
    }

    private Tensor Finish(Tensor x) => _finalNorm is null ? x : _finalNorm.forward(x);
}

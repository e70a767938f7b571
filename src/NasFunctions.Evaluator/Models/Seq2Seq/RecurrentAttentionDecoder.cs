using NasFunctions.Evaluator.Models.Transformer;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>A recurrent decoder with attention (Luong et al., 2015): LSTM or GRU layers over the target, one-head attention to the memory, tanh(W [h; context]).</summary>
internal sealed class RecurrentAttentionDecoder : nn.Module, ISequenceDecoder
{
    [ComponentName(Name = "stack")]
    private readonly RecurrentStack _stack;

    [ComponentName(Name = "attention")]
    private readonly MultiHeadAttention _attention;

    [ComponentName(Name = "combine")]
    private readonly nn.Module<Tensor, Tensor> _combine;

    public RecurrentAttentionDecoder(bool lstm, int layers, long width, double dropout) : base("RecurrentAttentionDecoder")
    {
        _stack = new RecurrentStack(lstm, layers, width, dropout);
        _attention = new MultiHeadAttention(width, 1, dropout);
        _combine = nn.Linear(2 * width, width);
        RegisterComponents();
    }

    public Tensor Decode(Tensor target, Tensor memory, Tensor targetPadding, Tensor sourcePadding)
    {
        var states = _stack.forward(target);
        return Combine(states, _attention.forward(states, memory, sourcePadding));
    }

    /// <summary>The attention's keys and values of the memory, made once; the stack's zero state.</summary>
    public DecoderState Begin(Tensor memory, Tensor sourcePadding) => new(
        sourcePadding, [_attention.ProjectKeys(memory), _attention.ProjectValues(memory)], _stack.Initial(memory.shape[0], memory.shape[2], memory.device));

    /// <summary>One position through the stack from its carried state, attending to the memory's projections.</summary>
    public Tensor Step(Tensor token, DecoderState state)
    {
        var (states, next) = _stack.Step(token, state.Carried);
        state.Carry(next);
        return Combine(states, _attention.Attend(states, state.Memory[0], state.Memory[1], state.SourcePadding));
    }

    private Tensor Combine(Tensor states, Tensor context) => _combine.forward(cat([states, context], 2)).tanh();
}

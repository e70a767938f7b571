using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>A recurrent encoder: LSTM or GRU layers over the embedded source; its memory is the last layer's output at every position.</summary>
internal sealed class RecurrentEncoder : nn.Module, ISequenceEncoder
{
    [ComponentName(Name = "stack")]
    private readonly RecurrentStack _stack;

    public RecurrentEncoder(bool lstm, int layers, long width, double dropout) : base("RecurrentEncoder")
    {
        _stack = new RecurrentStack(lstm, layers, width, dropout);
        RegisterComponents();
    }

    public Tensor Encode(Tensor source, Tensor padding) => _stack.forward(source);
}

using NasFunctions.Evaluator.Measures;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>A text encoder's recurrent layer: one LSTM or GRU layer over the positions, its output at every position; (N, L, in) to (N, L, hidden).</summary>
internal sealed class RecurrentLayer : nn.Module<Tensor, Tensor>, IFlopCounted
{
    [ComponentName(Name = "lstm")]
    private readonly LSTM? _lstm;

    [ComponentName(Name = "gru")]
    private readonly GRU? _gru;

    private readonly long _inputs;
    private readonly long _hidden;

    public RecurrentLayer(bool lstm, long inputs, long hidden) : base(lstm ? "Lstm" : "Gru")
    {
        _inputs = inputs;
        _hidden = hidden;
        if (lstm)
        {
            _lstm = nn.LSTM(inputs, hidden, batchFirst: true);
        }
        else
        {
            _gru = nn.GRU(inputs, hidden, batchFirst: true);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (_lstm is not null)
        {
            var (output, _, _) = _lstm.forward(input);
            return output;
        }

        var (gruOutput, _) = _gru!.forward(input);
        return gruOutput;
    }

    public FlopCount CountFlops(long[] inputShape) =>
        new(FlopCounter.Recurrent(_lstm is not null, inputShape[0], _inputs, _hidden), [inputShape[0], _hidden]);
}

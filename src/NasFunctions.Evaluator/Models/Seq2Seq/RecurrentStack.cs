using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>Recurrent layers (LSTM or GRU) of one width, one after another, dropout between them; each sees every position's output of the one before.</summary>
/// <remarks>Layers are single-layer modules with <see cref="SeededDropout"/> between, so the dropout draws from the training's generator.</remarks>
internal sealed class RecurrentStack : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "layers")]
    private readonly ModuleList<nn.Module> _layers;

    [ComponentName(Name = "dropout")]
    private readonly SeededDropout _dropout;

    public RecurrentStack(bool lstm, int layers, long width, double dropout) : base(lstm ? "LstmStack" : "GruStack")
    {
        IsLstm = lstm;
        _layers = nn.ModuleList<nn.Module>([.. Enumerable.Range(0, layers).Select(_ => lstm
            ? (nn.Module)nn.LSTM(width, width, batchFirst: true)
            : nn.GRU(width, width, batchFirst: true))]);
        _dropout = new SeededDropout(dropout);
        RegisterComponents();
    }

    public bool IsLstm { get; }

    public int Layers => _layers.Count;

    /// <summary>[batch, length, width] to the last layer's outputs at every position, [batch, length, width].</summary>
    public override Tensor forward(Tensor input) => Run(input, null).Output;

    /// <summary>The zero state every layer starts from, batch first: h per layer for GRU, h and c per layer for LSTM, each [batch, width].</summary>
    public Tensor[] Initial(long batch, long width, Device device) =>
        [.. Enumerable.Range(0, _layers.Count * (IsLstm ? 2 : 1)).Select(_ => zeros([batch, width], device: device))];

    /// <summary>Positions [batch, length, width] run on from a carried state (<see cref="Initial"/>'s layout): the last layer's outputs and every layer's state after them.</summary>
    public (Tensor Output, Tensor[] Next) Step(Tensor input, IReadOnlyList<Tensor> carried)
    {
        ArgumentNullException.ThrowIfNull(carried);
        var (output, next) = Run(input, carried);
        return (output, next!);
    }

    private (Tensor Output, Tensor[]? Next) Run(Tensor input, IReadOnlyList<Tensor>? carried)
    {
        var x = input;
        var next = carried is null ? null : new Tensor[carried.Count];
        var per = IsLstm ? 2 : 1;
        for (var i = 0; i < _layers.Count; i++)
        {
            if (i > 0)
            {
                x = _dropout.forward(x);
            }

            Tensor? Carried(int k) => carried?[(i * per) + k].unsqueeze(0);
            switch (_layers[i])
            {
                case LSTM lstm:
                    var (outputs, h, c) = lstm.forward(x, carried is null ? null : (Carried(0)!, Carried(1)!));
                    x = outputs;
                    if (next is not null)
                    {
                        (next[i * per], next[(i * per) + 1]) = (h.squeeze(0), c.squeeze(0));
                    }

                    break;
                case GRU gru:
                    var (states, hidden) = gru.forward(x, Carried(0));
                    x = states;
                    if (next is not null)
                    {
                        next[i] = hidden.squeeze(0);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"{_layers[i].GetType().Name} is not a recurrent layer.");
            }
        }

        return (x, next);
    }
}

using TorchSharp;
using NasFunctions.Evaluator.Measures;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>An activation by name (relu, gelu, tanh, sigmoid, silu, elu, leaky_relu), holding the scalars it hands to native code.</summary>
internal sealed class Activation : nn.Module<Tensor, Tensor>, IFlopCounted
{
    private readonly string _kind;
    private readonly Scalar _slope;
    private readonly Scalar _one;

    public Activation(string kind) : base("Activation_" + kind)
    {
        _kind = kind switch
        {
            "relu" or "gelu" or "tanh" or "sigmoid" or "silu" or "elu" or "leaky_relu" => kind,
            _ => throw new ArgumentException($"Unknown activation '{kind}'.", nameof(kind)),
        };
        _slope = 0.01.ToScalar();
        _one = 1.0.ToScalar();
    }

    public override Tensor forward(Tensor input) => _kind switch
    {
        "relu" => input.relu(),
        "gelu" => input.gelu(),
        "tanh" => input.tanh(),
        "sigmoid" => input.sigmoid(),
        "silu" => input.silu(),
        "elu" => input.elu(_one, _one, _one),
        _ => input.leaky_relu(_slope),
    };

    public FlopCount CountFlops(long[] inputShape) => new(FlopCounter.Elements(inputShape), inputShape);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slope.Dispose();
            _one.Dispose();
        }

        base.Dispose(disposing);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>A sub-layer wrapped the Transformer way: pre-norm x + drop(f(norm(x))), or post-norm norm(x + drop(f(x))).</summary>
internal static class Residual
{
    public static Tensor Apply(Tensor x, nn.Module<Tensor, Tensor> norm, NormPlacement placement, SeededDropout dropout, Func<Tensor, Tensor> sublayer) =>
        placement == NormPlacement.Pre
            ? x.add(dropout.forward(sublayer(norm.forward(x))), HeldScalars.One)
            : norm.forward(x.add(dropout.forward(sublayer(x)), HeldScalars.One));
}

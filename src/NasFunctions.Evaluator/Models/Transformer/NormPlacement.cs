namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>Where a Transformer block applies layer norm around each sub-layer.</summary>
public enum NormPlacement
{
    /// <summary>Before the sub-layer: x + f(norm(x)) (pre-norm, as in GPT-2 and most recent Transformers).</summary>
    Pre,

    /// <summary>After the residual sum: norm(x + f(x)) (post-norm, as in Vaswani et al., 2017).</summary>
    Post,
}

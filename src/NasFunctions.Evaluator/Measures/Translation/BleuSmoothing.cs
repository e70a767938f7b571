namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>How BLEU treats an n-gram order with no match, as sacreBLEU names its methods.</summary>
public enum BleuSmoothing
{
    /// <summary>No smoothing ("none", the default here): one order without a match makes BLEU 0.</summary>
    None,

    /// <summary>"floor": an order without a match counts 0.1 matches.</summary>
    Floor,

    /// <summary>"exp" (mteval-v13a's): the k-th order without a match gets precision 1 / (2^k x its n-gram count).</summary>
    Exponential,
}

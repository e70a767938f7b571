namespace NasFunctions.Evaluator.Measures.Translation;

/// <summary>A corpus BLEU score (0-100) with the figures it is made of.</summary>
/// <param name="Score">BLEU, 0 to 100.</param>
/// <param name="Precisions">The modified n-gram precisions (0-100), order 1 first.</param>
/// <param name="BrevityPenalty">exp(1 - r / c) when the hypotheses (c tokens) are shorter than the references (r), else 1.</param>
/// <param name="HypothesisLength">Tokens in all hypotheses (c).</param>
/// <param name="ReferenceLength">Tokens in the closest reference of each hypothesis, summed (r).</param>
public sealed record BleuScore(double Score, IReadOnlyList<double> Precisions, double BrevityPenalty, long HypothesisLength, long ReferenceLength);

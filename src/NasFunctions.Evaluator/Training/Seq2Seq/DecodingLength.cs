namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>How many tokens a decoded sentence may have: min(<paramref name="Most"/>, ⌊<paramref name="Base"/> + <paramref name="PerSourceToken"/> × source tokens⌋), at least 1.</summary>
/// <param name="Most">The space's <c>maxLength</c>: no sentence is longer.</param>
/// <param name="Base">Tokens every sentence may have whatever its source's length (a).</param>
/// <param name="PerSourceToken">Tokens more per source token (b).</param>
/// <remarks>
/// A model that never emits the end mark decodes only as far as a reference could plausibly reach, not to <paramref name="Most"/>.
/// Measured on the corpora's train splits (seed 1): CMUdict words have 7.5 letters and 6.4 phonemes on average, and 0.035% of
/// them more phonemes than 3 + their letters; Debian messages have 8.1 English and 9.7 German tokens on average, and 0.13% of
/// them more German tokens than 8 + 1.5 × their English ones.
/// </remarks>
public readonly record struct DecodingLength(int Most, double Base, double PerSourceToken)
{
    /// <summary>The most tokens of a sentence decoded from <paramref name="sourceTokens"/> source tokens.</summary>
    public int For(int sourceTokens) => (int)Math.Clamp(Math.Floor(Base + (PerSourceToken * sourceTokens)), 1, Math.Max(1, Most));
}

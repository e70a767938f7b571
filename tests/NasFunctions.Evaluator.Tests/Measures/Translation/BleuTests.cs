using NasFunctions.Evaluator.Measures.Translation;

namespace NasFunctions.Evaluator.Tests.Measures.Translation;

public sealed class BleuTests
{
    [Fact]
    public void Thirteen_a_splits_punctuation_but_not_numbers()
    {
        Tokenizer13a.Tokenize("Hello, world! 3.14, 1,000-2 (x/y) &amp; \"q\"").ShouldBe(
            ["Hello", ",", "world", "!", "3.14", ",", "1,000", "-", "2", "(", "x", "/", "y", ")", "&", "\"", "q", "\""]);
    }

    [Fact]
    public void Clipped_precisions_give_zero_without_smoothing_and_the_hand_value_with_exp()
    {
        // 1-grams 5/6 (the x2, cat, on, mat), 2-grams 3/5, 3-grams 1/4 (on the mat), 4-grams 0/3; equal lengths: BP = 1.
        string[] hypothesis = ["the cat sat on the mat"];
        IReadOnlyList<string>[] references = [["the cat is on the mat"]];

        var plain = CorpusBleu.Score(hypothesis, references);
        var smoothed = CorpusBleu.Score(hypothesis, references, BleuSmoothing.Exponential);

        plain.Score.ShouldBe(0);
        plain.Precisions.ShouldBe([500.0 / 6, 60, 25, 0], tolerance: 1e-9);
        plain.BrevityPenalty.ShouldBe(1);
        smoothed.Score.ShouldBe(100 * Math.Pow(5.0 / 6 * 3 / 5 * 1 / 4 * (1.0 / (2 * 3)), 0.25), tolerance: 1e-9);
    }

    [Fact]
    public void A_short_hypothesis_pays_the_brevity_penalty_against_its_closest_reference()
    {
        // 4 tokens, every n-gram matches; references of 6 and 9 tokens: r = 6, BP = exp(1 - 6/4).
        var score = CorpusBleu.Score(["The cat is on"], [["the cat is on the mat", "The cat is on the red mat right now"]], lowercase: true);

        score.Score.ShouldBe(100 * Math.Exp(-0.5), tolerance: 1e-9);
        (score.HypothesisLength, score.ReferenceLength).ShouldBe((4L, 6L));
        CorpusBleu.Score(["The cat is on"], [["the cat is on the mat"]]).Precisions[0].ShouldBe(75);
    }

    [Fact]
    public void Counts_are_summed_over_the_corpus_before_the_precisions()
    {
        // Segment 1 alone has no 4-gram match; the corpus has 1 of 1 + 3 = 4.
        var score = CorpusBleu.Score(["a b c", "w x y z q"], [["a b c"], ["w x y z q"]]);

        score.Score.ShouldBe(100, tolerance: 1e-9);
        CorpusBleu.Score(["a b c", "w x y z"], [["a b d"], ["w x y z"]]).Precisions.ShouldBe([600.0 / 7, 400.0 / 5, 200.0 / 3, 100], tolerance: 1e-9);
    }

    [Fact]
    public void Chrf_averages_precision_and_recall_over_orders_and_ignores_spaces()
    {
        // abc vs abd: 1-grams 2/3 both ways, 2-grams 1/2, 3-grams 0/1; P = R = 7/18, so F2 = 7/18.
        CharacterFScore.Score(["abc"], [["abd"]]).ShouldBe(100.0 * 7 / 18, tolerance: 1e-9);
        CharacterFScore.Score(["a bc"], [["ab d"]]).ShouldBe(100.0 * 7 / 18, tolerance: 1e-9);
        CharacterFScore.Score(["abc"], [["xyz", "abc"]]).ShouldBe(100, tolerance: 1e-9);
        CharacterFScore.Score(["abc"], [["xyz"]]).ShouldBe(0);
    }

    [Fact]
    public void Chrf_weighs_recall_twice_as_much_as_precision()
    {
        // "ab" vs "abcd": 1-grams P 2/2, R 2/4; 2-grams P 1/1, R 1/3: P = 1, R = 5/12; F2 = 5 P R / (4 P + R).
        var (p, r) = (1.0, 5.0 / 12);
        CharacterFScore.Score(["ab"], [["abcd"]]).ShouldBe(100 * 5 * p * r / ((4 * p) + r), tolerance: 1e-9);
    }

    [Fact]
    public void Error_rates_count_whole_words_and_edits_against_the_nearest_reference()
    {
        IReadOnlyList<string>[] hypotheses = [["K", "AE", "T"], ["D", "AO", "G"], ["F", "IH", "SH"]];
        IReadOnlyList<IReadOnlyList<string>>[] references = [[["K", "AE", "T"]], [["D", "AA", "G"], ["D", "AO", "G", "Z"]], [["F", "IH", "SH"], ["F", "IY"]]];

        ErrorRates.WordErrorRate(hypotheses, references).ShouldBe(100.0 / 3, tolerance: 1e-9);
        // 0 edits (3 tokens) + 1 edit to D AA G, the shorter of two one-edit references (3) + 0 (3): 1 / 9.
        ErrorRates.TokenErrorRate(hypotheses, references).ShouldBe(100.0 / 9, tolerance: 1e-9);
        EditDistance.Between(["a", "b", "c", "d"], ["b", "c", "e", "d", "f"]).ShouldBe(3);
        EditDistance.Between([], ["x", "y"]).ShouldBe(2);
    }
}

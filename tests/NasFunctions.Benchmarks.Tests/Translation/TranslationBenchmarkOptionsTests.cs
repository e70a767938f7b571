using NasFunctions.Benchmarks.Translation;

namespace NasFunctions.Benchmarks.Tests.Translation;

/// <summary>The translation benchmark's decoding: each task's length bound, the whole validation split decoded, and a bound on how many.</summary>
public sealed class TranslationBenchmarkOptionsTests
{
    [Theory]
    [InlineData("g2p", "wer", 10, 13)]
    [InlineData("messages", "bleu", 10, 23)]
    public void Each_task_bounds_a_decoded_sentence_by_its_own_ratio_of_target_to_source_tokens(string task, string metric, int sourceTokens, int most)
    {
        var options = new TranslationBenchmarkOptions { Task = task, ValidationPairs = 300 };

        var decoding = options.Decoding;

        decoding.Metric.ShouldBe(metric);
        decoding.Length(48).For(sourceTokens).ShouldBe(most);
        decoding.ValidationSentences.ShouldBe(300);
        decoding.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Too_many_validation_pairs_to_decode_are_refused()
    {
        new TranslationBenchmarkOptions { ValidationPairs = 1_000_001 }.Validate().ShouldContain(e => e.Contains("ValidationPairs must be at most 1000000"));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.95)]
    [InlineData(double.NaN)]
    public void A_retrain_share_outside_0_to_0_9_is_refused(double share)
    {
        new TranslationBenchmarkOptions { RetrainShare = share }.Validate().ShouldHaveSingleItem().ShouldContain("RetrainShare must be 0 to 0.9");
        new TranslationBenchmarkOptions { RetrainShare = 0 }.Validate().ShouldBeEmpty();
    }
}

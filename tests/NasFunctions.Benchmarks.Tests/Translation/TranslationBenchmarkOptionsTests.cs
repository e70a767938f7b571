using NasFunctions.Benchmarks.Budget;
using NasFunctions.Benchmarks.Translation;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Benchmarks.Tests.Translation;

/// <summary>The translation benchmark's options: each task's length bound and space, the whole validation split decoded, and bounds refused.</summary>
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

    [Theory]
    [InlineData("messages", null, new[] { "transformer" })]
    [InlineData("g2p", null, new[] { "lstm", "gru", "transformer" })]
    [InlineData("messages", "full", new[] { "lstm", "gru", "transformer" })]
    [InlineData("g2p", "transformer", new[] { "transformer" })]
    public void Each_task_searches_its_own_space_unless_one_is_named(string task, string? name, string[] kinds)
    {
        var options = new TranslationBenchmarkOptions { Task = task, SpaceName = name };

        options.Validate().ShouldBeEmpty();
        var space = (Seq2SeqSpace)BudgetBenchmark.ReadSpace(options.Space);
        space.Options.Encoders.ShouldBe(kinds);
        space.Options.Decoders.ShouldBe(kinds);
    }

    [Fact]
    public void An_unknown_space_or_retraining_start_is_refused()
    {
        new TranslationBenchmarkOptions { SpaceName = "rnn" }.Validate().ShouldHaveSingleItem().ShouldContain("SpaceName must be one of full, transformer");
        new TranslationBenchmarkOptions { RetrainFrom = "yesterday" }.Validate().ShouldHaveSingleItem().ShouldContain("RetrainFrom must be one of checkpoint, scratch");
    }
}

using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Training.Seq2Seq;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Seq2Seq;

/// <summary>Teacher-forcing batches (begin mark + target in, target + end mark out, padding after) and batches by length.</summary>
[Collection(TorchCollection.Name)]
public sealed class PairBatchesTests
{
    private static readonly ParallelSplit Split = new(
        [new("a", "x"), new("bb", "yy"), new("ccc", "zzz"), new("dddd", "wwww"), new("e", "v")],
        [[5], [6, 6], [7, 7, 7], [8, 8, 8, 8], [9]],
        [[10], [11, 11], [12, 12, 12], [13, 13, 13, 13], [14]]);

    [Fact]
    public void A_batch_feeds_the_decoder_the_target_after_a_begin_mark_and_asks_for_it_followed_by_an_end_mark()
    {
        using var scope = NewDisposeScope();
        var (source, targetIn, targetOut) = new PairBatches(Split, maxLength: 3).Create([0, 3], CPU);

        source.data<long>().ToArray().ShouldBe([5, 3, 0, 0, 8, 8, 8, 3]); // cut to 3 tokens, then the end mark, then padding
        targetIn.data<long>().ToArray().ShouldBe([2, 10, 0, 0, 2, 13, 13, 13]);
        targetOut.data<long>().ToArray().ShouldBe([10, 3, 0, 0, 13, 13, 13, 3]);
    }

    [Fact]
    public void Batches_by_length_hold_every_pair_once_group_like_lengths_and_repeat_for_a_seed_and_epoch()
    {
        var pairs = Enumerable.Range(0, 200).Select(i => new TextPair($"s{i}", $"t{i}")).ToArray();
        var lengths = Enumerable.Range(0, 200).Select(i => 1 + (i * 7 % 20)).ToArray();
        var split = new ParallelSplit(pairs, [.. lengths.Select(n => Enumerable.Repeat(5, n).ToArray())], [.. lengths.Select(n => Enumerable.Repeat(6, n).ToArray())]);
        var batches = new PairBatches(split, 64);
        var subset = Enumerable.Range(0, 190).ToArray();

        var first = batches.ByLength(subset, new Random(11), 4).ToArray();
        var again = batches.ByLength(subset, new Random(11), 4).ToArray();
        var other = batches.ByLength(subset, new Random(12), 4).ToArray();

        first.SelectMany(b => b).Order().ShouldBe(subset);
        first.Length.ShouldBe((int)PairBatches.EpochSteps(subset.Length, 4));
        again.ShouldBe(first);
        other.ShouldNotBe(first);
        var spread = first.Average(b => b.Max(p => lengths[p]) - b.Min(p => lengths[p]));
        spread.ShouldBeLessThan(3); // shuffled without sorting, a batch of 4 spans about 10 lengths
    }
}

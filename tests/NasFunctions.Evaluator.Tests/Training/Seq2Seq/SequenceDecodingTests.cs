using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Models.Seq2Seq;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Seq2Seq;
using NasFunctions.SearchSpace.Seq2Seq;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Seq2Seq;

/// <summary>Step-by-step decoding with carried state gives what running the decoder over the whole prefix gives, and stops at the length bound.</summary>
[Collection(TorchCollection.Name)]
public sealed class SequenceDecodingTests
{
    private static readonly TrainingOptions Options = new()
    {
        Threads = 1, BatchSize = 32, LearningRate = 0.01, LatencyWarmups = 0, LatencyRepeats = 1, EvaluationChunk = 64,
    };

    [Theory]
    [InlineData("lstm", "lstm")]
    [InlineData("gru", "gru")]
    [InlineData("transformer", "transformer")]
    public void Greedy_decoding_with_carried_state_emits_exactly_the_tokens_of_rerunning_the_decoder_over_the_prefix(string encoder, string decoder)
    {
        var data = TinyPairs.CmuDict(train: 200);
        var network = TinyPairs.Network(data, encoder, decoder);
        var trained = Seq2SeqTrainer.Train(network, data, 3, 1, 5, Options, new DecodingOptions { Examples = 0 });
        using var model = new Seq2SeqModel(network);
        ModelWeights.LoadInto(model, trained.Training.Weights);
        var split = new PairBatches(data.Validation, network.MaxLength);
        var pairs = Enumerable.Range(0, split.Count).ToArray();

        var carried = SequenceDecoding.Decode(model, split, pairs, 1, new DecodingLength(network.MaxLength, network.MaxLength, 0), 16);
        var rerun = FullPrefixGreedy(model, split.Sources(pairs, CPU), network.MaxLength);

        carried.Length.ShouldBe(rerun.Length);
        for (var i = 0; i < rerun.Length; i++)
        {
            carried[i].ShouldBe(rerun[i], $"sentence {i}");
        }

        rerun.ShouldContain(ids => ids.Length > 2);
    }

    [Theory]
    [InlineData("lstm", "pre")]
    [InlineData("gru", "pre")]
    [InlineData("transformer", "pre")]
    [InlineData("transformer", "post")]
    public void Each_step_gives_the_whole_prefix_logits_also_after_rows_are_reordered(string decoder, string norm)
    {
        var data = TinyPairs.CmuDict(train: 20, validation: 5, test: 5);
        manual_seed(11);
        var network = TinyPairs.Network(data, "gru", decoder) with { Decoder = new Seq2SeqStack(decoder, 2), Norm = norm };
        using var model = new Seq2SeqModel(network);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = 4;
        var source = new PairBatches(data.Validation, network.MaxLength).Sources([0], CPU).repeat(rows, 1);
        var (memory, padding) = model.Encode(source);
        var state = model.BeginDecoding(memory, padding);
        var draw = new Random(5);
        var prefixes = Enumerable.Range(0, rows).Select(_ => new List<long> { SequenceTokenizer.BeginId }).ToArray();
        for (var step = 0; step < 6; step++)
        {
            using var stepScope = NewDisposeScope();
            var last = tensor(prefixes.Select(p => p[^1]).ToArray());
            var stepped = model.Step(state, last);
            var whole = model.Decode(memory, padding, tensor(prefixes.SelectMany(p => p).ToArray(), [rows, step + 1])).select(1, -1);

            stepped.allclose(whole, rtol: 1e-4, atol: 1e-5).ShouldBeTrue($"step {step}: most difference {stepped.sub(whole).abs().max().item<float>()}");
            var order = Enumerable.Range(0, rows).Select(_ => (long)draw.Next(rows)).ToArray();
            state.Reorder(tensor(order));
            state.Commit();
            prefixes = [.. order.Select(r => new List<long>(prefixes[r]) { draw.Next(3, network.TargetVocabulary) })];
        }

        state.Steps.ShouldBe(6);
    }

    [Fact]
    public void A_sentence_never_runs_past_its_bound_of_base_plus_tokens_per_source_token()
    {
        var data = TinyPairs.CmuDict(train: 20, validation: 30, test: 5);
        manual_seed(2);
        var network = TinyPairs.Network(data, "gru", "transformer");
        using var model = new Seq2SeqModel(network);
        using (no_grad())
        {
            using var never = tensor(new long[] { SequenceTokenizer.EndId });
            model.named_parameters().Single(p => p.name == "output.bias").parameter.index_fill_(0, never, -1e4); // it never ends a sentence itself
        }

        var split = new PairBatches(data.Validation, network.MaxLength);
        var pairs = Enumerable.Range(0, split.Count).ToArray();
        var length = new DecodingLength(network.MaxLength, 1, 0.5);

        foreach (var width in new[] { 1, 3 })
        {
            var decoded = SequenceDecoding.Decode(model, split, pairs, width, length, 64); // one chunk: its rows have unlike bounds

            for (var i = 0; i < pairs.Length; i++)
            {
                decoded[i].Length.ShouldBe(length.For(split.SourceLengthOf(pairs[i])), $"width {width}, sentence {i}");
            }

            pairs.Select(i => decoded[i].Length).Distinct().Count().ShouldBeGreaterThan(1);
        }

        new DecodingLength(5, 2, 1.5).For(3).ShouldBe(5);
        new DecodingLength(48, 2, 1.5).For(3).ShouldBe(6);
        new DecodingLength(48, 0, 0).For(3).ShouldBe(1);
    }

    /// <summary>The reference decoder: the whole prefix through the decoder at every step, the last position's best token.</summary>
    private static int[][] FullPrefixGreedy(Seq2SeqModel model, Tensor sources, int most)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var n = sources.shape[0];
        var (memory, padding) = model.Encode(sources);
        var ys = full([n, 1], SequenceTokenizer.BeginId, ScalarType.Int64);
        var done = zeros([n], ScalarType.Bool);
        var forbidden = tensor(new long[] { 0, SequenceTokenizer.BeginId });
        for (var step = 0; step < most && !done.all().item<bool>(); step++)
        {
            var next = model.Decode(memory, padding, ys).select(1, -1).index_fill(1, forbidden, -1e9).argmax(1).masked_fill(done, SequenceTokenizer.EndId);
            ys = cat([ys, next.unsqueeze(1)], 1);
            done = done.logical_or(next.eq(SequenceTokenizer.EndId));
        }

        var values = ys.data<long>().ToArray();
        var columns = (int)ys.shape[1];
        return [.. Enumerable.Range(0, (int)n).Select(r => values.Skip((r * columns) + 1).Take(columns - 1).TakeWhile(id => id != SequenceTokenizer.EndId).Select(id => (int)id).ToArray())];
    }
}

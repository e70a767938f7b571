using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Models.Seq2Seq;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>Turns sources into target ids with a trained model: greedy (beam width 1) or beam search, chunk by chunk, without gradients.</summary>
/// <remarks>
/// The source is encoded once; each step feeds every row's last token to the decoder, which carries its state from step to
/// step (<see cref="Seq2SeqModel.Step"/>), and picks among the target vocabulary less <c>&lt;pad&gt;</c> and
/// <c>&lt;s&gt;</c>. A sentence ends at <c>&lt;/s&gt;</c> or after its <see cref="DecodingLength"/> of tokens. Beam search
/// keeps the <c>width</c> best prefixes of each sentence by summed log-probability (a finished prefix only extends with
/// <c>&lt;/s&gt;</c>, at no cost) and returns the one with the best mean log-probability per token. Sentences are decoded in
/// chunks of like source length (so a chunk's steps end together), and never see each other (every mask is per row), so a
/// result does not depend on the chunk it was decoded in.
/// </remarks>
public static class SequenceDecoding
{
    /// <summary>The widest beam a spec may ask for.</summary>
    public const int MostBeamWidth = 16;

    /// <summary>The target ids (no begin or end mark) of the given pairs' sources, greedily when <paramref name="beamWidth"/> is 1.</summary>
    /// <param name="model">The trained model; it is left in eval mode.</param>
    /// <param name="split">The pairs' split.</param>
    /// <param name="pairs">Which pairs to decode.</param>
    /// <param name="beamWidth">Prefixes kept per sentence, 1 to <see cref="MostBeamWidth"/>; 1 is greedy.</param>
    /// <param name="length">Most tokens per decoded sentence (its end mark aside), by its source's length.</param>
    /// <param name="chunk">Sentences per forward pass, at least 1.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    public static int[][] Decode(
        Seq2SeqModel model, PairBatches split, IReadOnlyList<int> pairs, int beamWidth, DecodingLength length, int chunk, CancellationToken cancellationToken = default) =>
        Decode(model, split, pairs, beamWidth, length, chunk, beamWidth > 1, cancellationToken);

    /// <summary>As the public overload, with beam search run even at width 1 when <paramref name="beamSearch"/> (what tests compare with greedy).</summary>
    internal static int[][] Decode(
        Seq2SeqModel model, PairBatches split, IReadOnlyList<int> pairs, int beamWidth, DecodingLength length, int chunk, bool beamSearch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(beamWidth, MostBeamWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(length.Most, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        model.eval();
        using var noGrad = no_grad();
        var device = model.parameters().First().device;
        var width = Math.Min(beamWidth, model.Network.TargetVocabulary - 2);
        var order = Enumerable.Range(0, pairs.Count).OrderBy(i => split.SourceLengthOf(pairs[i])).ToArray();
        var results = new int[pairs.Count][];
        for (var start = 0; start < order.Length; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var rows = order.Skip(start).Take(chunk).ToArray();
            var ids = rows.Select(i => pairs[i]).ToArray();
            var limits = ids.Select(p => (long)length.For(split.SourceLengthOf(p))).ToArray();
            var sources = split.Sources(ids, device);
            var decoded = !beamSearch
                ? Greedy(model, sources, limits, cancellationToken)
                : Beam(model, sources, limits, width, cancellationToken);
            for (var i = 0; i < rows.Length; i++)
            {
                results[rows[i]] = decoded[i];
            }
        }

        return results;
    }

    private static int[][] Greedy(Seq2SeqModel model, Tensor sources, long[] limits, CancellationToken cancellationToken)
    {
        var n = sources.shape[0];
        var device = sources.device;
        var (memory, padding) = model.Encode(sources);
        var state = model.BeginDecoding(memory, padding);
        using var begin = ((long)SequenceTokenizer.BeginId).ToScalar();
        using var end = ((long)SequenceTokenizer.EndId).ToScalar();
        var forbidden = Forbidden(device);
        var limit = tensor(limits, device: device);
        var last = full([n], begin, ScalarType.Int64, device);
        var ys = last.unsqueeze(1);
        var done = zeros([n], ScalarType.Bool, device);
        for (var step = 0L; step < limits.Max(); step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            using var at = step.ToScalar();
            var logits = model.Step(state, last).index_fill(1, forbidden, HeldScalars.VeryNegative);
            state.Commit();
            var next = logits.argmax(1).masked_fill(done.logical_or(limit.le(at)), end);
            last = next.MoveToOuterDisposeScope();
            ys = cat([ys, next.unsqueeze(1)], 1).MoveToOuterDisposeScope();
            done = done.logical_or(next.eq(end)).MoveToOuterDisposeScope();
            if (done.all().item<bool>())
            {
                break;
            }
        }

        return Rows(ys, null, 1);
    }

    private static int[][] Beam(Seq2SeqModel model, Tensor sources, long[] limits, int width, CancellationToken cancellationToken)
    {
        var n = sources.shape[0];
        var (encoded, sourcePadding) = model.Encode(sources);
        var state = model.BeginDecoding(encoded.repeat_interleave(width, 0), sourcePadding.repeat_interleave(width, 0));
        var vocabulary = (long)model.Network.TargetVocabulary;
        using var begin = ((long)SequenceTokenizer.BeginId).ToScalar();
        using var end = ((long)SequenceTokenizer.EndId).ToScalar();
        using var vocabularySize = vocabulary.ToScalar();
        using var beams = ((long)width).ToScalar();
        var device = sources.device;
        var forbidden = Forbidden(device);
        var onlyEnd = full([1, vocabulary], HeldScalars.VeryNegative, ScalarType.Float32, device).index_fill(1, tensor(new long[] { SequenceTokenizer.EndId }, device: device), HeldScalars.Zero);
        var firstBeam = new float[n * width];
        for (var i = 0; i < firstBeam.Length; i++)
        {
            firstBeam[i] = i % width == 0 ? 0 : -1e9f;
        }

        var scores = tensor(firstBeam, [n, width], device: device);
        var limit = tensor(limits, device: device).repeat_interleave(width, 0);
        var last = full([n * width], begin, ScalarType.Int64, device);
        var ys = last.unsqueeze(1);
        var done = zeros([n * width], ScalarType.Bool, device);
        var lengths = zeros([n * width], ScalarType.Float32, device);
        var offsets = arange(0L, n, 1L, ScalarType.Int64, device).mul(beams).unsqueeze(1);
        for (var step = 0L; step < limits.Max(); step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            using var at = step.ToScalar();
            var logits = model.Step(state, last).index_fill(1, forbidden, HeldScalars.VeryNegative);
            var logp = where(done.logical_or(limit.le(at)).unsqueeze(1), onlyEnd, logits.log_softmax(1));
            var candidates = scores.view(n * width, 1).add(logp, HeldScalars.One).view(n, width * vocabulary);
            var (top, index) = candidates.topk(width, 1);
            var beam = index.div(vocabularySize, rounding_mode: RoundingMode.floor);
            var token = index.remainder(vocabularySize).view(-1);
            var rows = offsets.add(beam, HeldScalars.One).view(-1);
            state.Reorder(rows);
            state.Commit();
            var wasDone = done.index_select(0, rows);
            last = token.MoveToOuterDisposeScope();
            ys = cat([ys.index_select(0, rows), token.unsqueeze(1)], 1).MoveToOuterDisposeScope();
            lengths = lengths.index_select(0, rows).add(wasDone.logical_not().to(ScalarType.Float32), HeldScalars.One).MoveToOuterDisposeScope();
            done = wasDone.logical_or(token.eq(end)).MoveToOuterDisposeScope();
            scores = top.MoveToOuterDisposeScope();
            if (done.all().item<bool>())
            {
                break;
            }
        }

        var best = scores.div(lengths.view(n, width).clamp_min(HeldScalars.One)).argmax(1);
        return Rows(ys, offsets.view(-1).add(best, HeldScalars.One), 1);
    }

    /// <summary>The ids after the first column up to the first end mark, of every row (or of the chosen rows).</summary>
    private static int[][] Rows(Tensor ys, Tensor? chosen, int skip)
    {
        var picked = chosen is null ? ys : ys.index_select(0, chosen);
        var (rows, columns) = (picked.shape[0], picked.shape[1]);
        var values = picked.cpu().data<long>().ToArray();
        var result = new int[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = new List<int>();
            for (var c = skip; c < columns; c++)
            {
                var id = (int)values[(r * columns) + c];
                if (id == SequenceTokenizer.EndId)
                {
                    break;
                }

                row.Add(id);
            }

            result[r] = [.. row];
        }

        return result;
    }

    private static Tensor Forbidden(Device device) => tensor(new long[] { Vocabulary.PadId, SequenceTokenizer.BeginId }, device: device);
}

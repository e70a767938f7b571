using NasFunctions.Evaluator.Data.Translation;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>Padded int64 batches of a parallel split for teacher forcing: sources with their end mark, decoder inputs (begin mark + target) and outputs (target + end mark).</summary>
/// <remarks>Sources and targets longer than <see cref="MaxLength"/> tokens are cut there; padding is id 0 (<c>&lt;pad&gt;</c>), after the tokens.</remarks>
public sealed class PairBatches
{
    /// <summary>A split's batches, each side cut to <paramref name="maxLength"/> tokens before its mark.</summary>
    public PairBatches(ParallelSplit split, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        Split = split;
        MaxLength = maxLength;
    }

    /// <summary>The split.</summary>
    public ParallelSplit Split { get; }

    /// <summary>Most tokens per side before the end (or after the begin) mark.</summary>
    public int MaxLength { get; }

    /// <summary>Number of pairs.</summary>
    public int Count => Split.Count;

    /// <summary>Tokens a pair puts in a batch: its longer side, as cut (what batching by length sorts by).</summary>
    public int LengthOf(int pair) => Math.Min(MaxLength, Math.Max(Split.SourceIds[pair].Length, Split.TargetIds[pair].Length));

    /// <summary>Tokens of a pair's source, as cut (its end mark aside): what bounds its decoded length.</summary>
    public int SourceLengthOf(int pair) => Math.Min(MaxLength, Split.SourceIds[pair].Length);

    /// <summary>Sources [n, longest + 1], decoder inputs and outputs [n, longest target + 1] for the given pairs, on <paramref name="device"/>, in the caller's scope.</summary>
    public (Tensor Source, Tensor TargetIn, Tensor TargetOut) Create(ReadOnlySpan<int> pairs, Device device)
    {
        var source = Sources(pairs, device);
        var targets = new int[pairs.Length][];
        for (var i = 0; i < pairs.Length; i++)
        {
            targets[i] = Cut(Split.TargetIds[pairs[i]]);
        }

        var length = targets.Max(t => t.Length) + 1;
        var input = new long[pairs.Length * length];
        var output = new long[pairs.Length * length];
        for (var i = 0; i < targets.Length; i++)
        {
            var row = i * length;
            input[row] = SequenceTokenizer.BeginId;
            for (var t = 0; t < targets[i].Length; t++)
            {
                input[row + t + 1] = targets[i][t];
                output[row + t] = targets[i][t];
            }

            output[row + targets[i].Length] = SequenceTokenizer.EndId;
        }

        return (source, Place(tensor(input, [pairs.Length, length]), device), Place(tensor(output, [pairs.Length, length]), device));
    }

    /// <summary>Sources [n, longest + 1] (ids, the end mark, padding) for the given pairs, in the caller's scope.</summary>
    public Tensor Sources(ReadOnlySpan<int> pairs, Device device)
    {
        var sources = new int[pairs.Length][];
        for (var i = 0; i < pairs.Length; i++)
        {
            sources[i] = Cut(Split.SourceIds[pairs[i]]);
        }

        var length = sources.Max(s => s.Length) + 1;
        var ids = new long[pairs.Length * length];
        for (var i = 0; i < sources.Length; i++)
        {
            for (var t = 0; t < sources[i].Length; t++)
            {
                ids[(i * length) + t] = sources[i][t];
            }

            ids[(i * length) + sources[i].Length] = SequenceTokenizer.EndId;
        }

        return Place(tensor(ids, [pairs.Length, length]), device);
    }

    /// <summary>
    /// The batches of one epoch, batched by length: the pairs shuffled by <paramref name="order"/>, cut into pools of
    /// <see cref="PoolBatches"/> batches, each pool sorted by length (stable) and cut into batches, and the batches shuffled
    /// by <paramref name="order"/> again; so batches hold pairs of about one length, and the same (seed, epoch) gives the same batches.
    /// </summary>
    public IEnumerable<int[]> ByLength(int[] subset, Random order, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(order);
        var shuffled = subset.ToArray();
        order.Shuffle(shuffled);
        var batches = new List<int[]>();
        var pool = batchSize * PoolBatches;
        for (var start = 0; start < shuffled.Length; start += pool)
        {
            var sorted = shuffled[start..Math.Min(shuffled.Length, start + pool)].OrderBy(LengthOf).ToArray();
            batches.AddRange(sorted.Chunk(batchSize));
        }

        var batchOrder = batches.ToArray();
        order.Shuffle(batchOrder);
        return batchOrder;
    }

    /// <summary>Batches per pool that batching by length sorts together.</summary>
    public const int PoolBatches = 32;

    /// <summary>The optimizer steps of one epoch over <paramref name="samples"/> pairs: one per batch, every pool cut into whole batches but its last.</summary>
    public static long EpochSteps(int samples, int batchSize) => (samples + batchSize - 1) / batchSize;

    private int[] Cut(int[] ids) => ids.Length <= MaxLength ? ids : ids[..MaxLength];

    private static Tensor Place(Tensor t, Device device) => device.type == DeviceType.CPU ? t : t.to(device);
}

using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Evaluator.Measures;

/// <summary>The FLOPs a sequence-to-sequence network spends per target token, for a source and target of a given length.</summary>
/// <remarks>
/// Teacher-forced forward pass over a source and a target of <c>length</c> tokens each, divided by <c>length</c>, with
/// <see cref="FlopCounter"/>'s conventions: linear layers <c>2 * in * out</c> (+ out with a bias); attention its four
/// projections, <c>4 * L * width</c> per query for scores and weighted sum and 4 per score; layer norm 7 and residual sums
/// 1 per element; LSTM and GRU steps as <see cref="FlopCounter.Recurrent"/>; embedding lookups and dropout 0.
/// </remarks>
public static class Seq2SeqFlops
{
    /// <summary>FLOPs per target token of <paramref name="network"/> at sequences of <paramref name="length"/> tokens (at least 1).</summary>
    public static long PerToken(Seq2SeqNetwork network, int length)
    {
        ArgumentNullException.ThrowIfNull(network);
        long l = Math.Max(1, length), w = network.Width, e = network.Embedding;
        var project = e == w ? 0 : Linear(e, w);
        var encoder = network.Encoder.IsTransformer
            ? network.Encoder.Layers * (Attention(w, network.Heads, l) + FeedForward(w, network.FeedForward) + (2 * 8 * w))
            : network.Encoder.Layers * FlopCounter.Recurrent(network.Encoder.Kind == "lstm", 1, w, w);
        var decoder = network.Decoder.IsTransformer
            ? network.Decoder.Layers * ((2 * Attention(w, network.Heads, l)) + FeedForward(w, network.FeedForward) + (3 * 8 * w))
            : (network.Decoder.Layers * FlopCounter.Recurrent(network.Decoder.Kind == "lstm", 1, w, w)) + Attention(w, 1, l) + Linear(2 * w, w) + w;
        var output = network.TiedEmbeddings
            ? (e == w ? 0 : Linear(w, e)) + (2 * e * network.TargetVocabulary)
            : Linear(w, network.TargetVocabulary);
        return (2 * project) + encoder + decoder + output;
    }

    private static long Linear(long inputs, long outputs) => (2 * inputs * outputs) + outputs;

    private static long Attention(long width, long heads, long keys) => (4 * Linear(width, width)) + (4 * keys * width) + (4 * heads * keys);

    private static long FeedForward(long width, long hidden) => Linear(width, hidden) + hidden + Linear(hidden, width);
}

using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Measures.Translation;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Models.Seq2Seq;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>Scores a trained model on a split: teacher-forced loss per token, and its decoded sentences against their references.</summary>
public static class TranslationScoring
{
    /// <summary>Decodes each distinct source of the split once (the first <paramref name="sentences"/> of them) and scores the sentences against all of that source's targets.</summary>
    /// <returns>The scores, and each decoded source's (pair index, hypothesis text) in split order.</returns>
    public static (TranslationScores Scores, IReadOnlyList<(int Pair, string Hypothesis)> Decoded) Score(
        Seq2SeqModel model, PairBatches split, SequenceTokenizer target, DecodingOptions decoding, CancellationToken cancellationToken = default, int sentences = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(decoding);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentences, 1);
        var references = split.Split.References().Take(sentences).ToArray();
        if (references.Length == 0)
        {
            return (TranslationScores.None, []);
        }

        var pairs = references.Select(r => r.Pair).ToArray();
        var ids = SequenceDecoding.Decode(model, split, pairs, decoding.BeamWidth, decoding.Length(split.MaxLength), decoding.Chunk, cancellationToken);
        var hypotheses = ids.Select(target.Decode).ToArray();
        var texts = references.Select(r => r.References).ToArray();
        IReadOnlyList<string> Tokens(string text) => target.Tokenize(text);
        var hypothesisTokens = hypotheses.Select(Tokens).ToArray();
        var referenceTokens = texts.Select(r => (IReadOnlyList<IReadOnlyList<string>>)r.Select(Tokens).ToArray()).ToArray();
        var scores = new TranslationScores(
            CorpusBleu.Score(hypotheses, texts).Score,
            CharacterFScore.Score(hypotheses, texts),
            ErrorRates.WordErrorRate(hypothesisTokens, referenceTokens),
            ErrorRates.TokenErrorRate(hypothesisTokens, referenceTokens),
            hypotheses.Length);
        return (scores, pairs.Zip(hypotheses).ToArray());
    }

    /// <summary>Mean plain cross-entropy per target token (end marks included, padding not) on a split, chunk by chunk, without gradients.</summary>
    public static double TokenLoss(Seq2SeqModel model, PairBatches split, int chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        if (split.Count == 0)
        {
            return 0;
        }

        model.eval();
        using var noGrad = no_grad();
        var device = model.parameters().First().device;
        var order = Enumerable.Range(0, split.Count).OrderBy(split.LengthOf).ToArray(); // like lengths together: little padding
        double sum = 0;
        long tokens = 0;
        for (var start = 0; start < order.Length; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (source, targetIn, targetOut) = split.Create(order.AsSpan(start, Math.Min(chunk, order.Length - start)), device);
            sum += Seq2SeqTask.TokenLoss(model, source, targetIn, targetOut, 0, nn.Reduction.Sum).item<float>();
            tokens += targetOut.ne(HeldScalars.Zero).sum().item<long>();
        }

        return sum / Math.Max(1, tokens);
    }
}

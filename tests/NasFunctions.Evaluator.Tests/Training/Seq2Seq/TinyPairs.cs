using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Tests.Data;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Evaluator.Tests.Training.Seq2Seq;

/// <summary>A few hundred real CMUdict pairs (word -> phonemes) and tiny seq2seq networks to train on them.</summary>
internal static class TinyPairs
{
    /// <summary>The first pairs of each CMUdict split (seed 0), its character and phoneme vocabularies learned from the whole train split.</summary>
    public static ParallelDataset CmuDict(int train = 400, int validation = 60, int test = 60) =>
        DatasetCache.GetOrLoadParallel(new DatasetOptions { Name = "cmudict", Path = RealData.CmuDictFile(), MaxLength = 24 }).Take(train, validation, test);

    /// <summary>A small network of the given stacks for the data's vocabularies.</summary>
    public static Seq2SeqNetwork Network(ParallelDataset data, string encoder = "gru", string decoder = "gru", bool tied = false, double dropout = 0) => new(
        data.SourceTokenizer.Vocabulary.Count,
        data.TargetTokenizer.Vocabulary.Count,
        24,
        new Seq2SeqStack(encoder, 1),
        new Seq2SeqStack(decoder, 1),
        32,
        64,
        2,
        64,
        "pre",
        tied,
        dropout);
}

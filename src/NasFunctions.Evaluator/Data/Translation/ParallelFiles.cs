namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>A parallel corpus's pairs as read, before any split or tokenizing: what the data set cache keeps once per location.</summary>
/// <param name="File">The file (or corpus folder) read, for messages.</param>
/// <param name="Train">The training file's pairs (the whole corpus's, when it has no test file), exact duplicates dropped.</param>
/// <param name="Test">The test file's pairs; null when there is none (the test split is carved from the training pairs).</param>
internal sealed record ParallelFiles(string File, IReadOnlyList<TextPair> Train, IReadOnlyList<TextPair>? Test)
{
    /// <summary>Bytes the pairs take, about (two per character, and an object each).</summary>
    public long Bytes => Train.Concat(Test ?? []).Sum(p => (2L * (p.Source.Length + p.Target.Length)) + 64);
}

namespace NasFunctions.Evaluator.Data;

/// <summary>A text data set's texts as read, before any split or encoding: what the data set cache keeps once per location.</summary>
/// <param name="File">The file (or corpus list) read, for messages.</param>
/// <param name="Classes">The classes of every text.</param>
/// <param name="Train">The training texts.</param>
/// <param name="Test">The test file's texts; null when there is none (the test split is carved from the training texts).</param>
internal sealed record TextFiles(string File, ClassLabels Classes, IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText>? Test)
{
    /// <summary>Bytes the texts and labels take, about (two per character, and an object each).</summary>
    public long Bytes => Train.Concat(Test ?? []).Sum(t => (2L * (t.Text.Length + t.Label.Length)) + 64);
}

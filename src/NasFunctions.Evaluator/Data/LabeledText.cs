namespace NasFunctions.Evaluator.Data;

/// <summary>One text and its class label, as read from a file.</summary>
/// <param name="Text">The text.</param>
/// <param name="Label">The label, as written in the file.</param>
public sealed record LabeledText(string Text, string Label);

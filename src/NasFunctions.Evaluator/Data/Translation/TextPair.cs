namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>One source text and its translation (or a word and its phonemes), as read from a corpus.</summary>
/// <param name="Source">The text to translate.</param>
/// <param name="Target">Its translation.</param>
public sealed record TextPair(string Source, string Target);

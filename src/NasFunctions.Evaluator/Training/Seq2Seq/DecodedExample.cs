namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>One decoded test sentence: its source, a reference and what the model made of it.</summary>
/// <param name="Source">The source text.</param>
/// <param name="Reference">Its (first) reference translation.</param>
/// <param name="Hypothesis">The model's translation.</param>
public sealed record DecodedExample(string Source, string Reference, string Hypothesis);

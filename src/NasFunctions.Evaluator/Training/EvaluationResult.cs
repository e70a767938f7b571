namespace NasFunctions.Evaluator.Training;

/// <summary>How a model did on one split: accuracy in [0, 1], mean cross-entropy, and the number of samples.</summary>
public sealed record EvaluationResult(double Accuracy, double Loss, int Samples);

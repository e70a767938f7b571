using NasFunctions.Evaluator.Training;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>A finished trial of a budgeted search: what it trained, how it scored, where its weights stand and what its scoring cost.</summary>
/// <param name="Id">The trial's id in the search (<c>rRRRR-cCC</c>).</param>
/// <param name="Architecture">The trial's canonical architecture.</param>
/// <param name="DataFraction">The fraction of the train split it trained on.</param>
/// <param name="Result">Its training result; the validation accuracy is the score the search ranks by.</param>
/// <param name="Checkpoint">Its weights, optimizer and schedule after its last epoch, from which a continuation goes on.</param>
/// <param name="ScoringSeconds">Wall-clock seconds the trial took beyond its training (scoring and decoding after the last epoch).</param>
internal sealed record SearchTrial(string Id, string Architecture, double DataFraction, TrainingResult Result, TrainingCheckpoint Checkpoint, double ScoringSeconds);

using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>Trains one architecture for a budgeted run: its fidelity, seed, the epochs its schedule is planned over, a deadline and checkpoints.</summary>
/// <returns>The training's result; its validation accuracy is the score the search ranks by.</returns>
internal delegate TrainingResult TrialTrainer(
    Architecture architecture, int epochs, double dataFraction, int seed, int plannedEpochs, CancellationToken cancellationToken, TrainingCheckpoints? checkpoints);

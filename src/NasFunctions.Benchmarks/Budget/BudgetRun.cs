namespace NasFunctions.Benchmarks.Budget;

/// <summary>One run of the budget benchmark.</summary>
/// <param name="Validation">The best trial's validation accuracy, in [0, 1].</param>
/// <param name="Test">The best trial's test accuracy, in [0, 1].</param>
/// <param name="Architecture">The best trial's canonical architecture.</param>
/// <param name="BestEpochs">The epochs the best trial had trained.</param>
/// <param name="Epochs">The epochs every trial of the run trained together (timing and cut-off ones included).</param>
/// <param name="Trials">Trials that finished.</param>
/// <param name="Seconds">Wall-clock seconds the run took.</param>
public sealed record BudgetRun(double Validation, double Test, string Architecture, int BestEpochs, int Epochs, int Trials, double Seconds);

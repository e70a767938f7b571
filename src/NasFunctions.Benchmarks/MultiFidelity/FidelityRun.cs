namespace NasFunctions.Benchmarks.MultiFidelity;

/// <summary>What one way of spending the search's budget reached: its best validation accuracy and the epochs it trained.</summary>
/// <param name="BestValidation">The best validation accuracy of any trial, in [0, 1].</param>
/// <param name="BestArchitecture">The architecture that reached it.</param>
/// <param name="BestEpochs">The epochs that architecture's weights had.</param>
/// <param name="Epochs">Epochs trained in all (a continued trial counts only the epochs it added).</param>
/// <param name="Trials">Trainings run (a promotion is a trial of its own).</param>
/// <param name="Seconds">Wall-clock seconds, training and scoring.</param>
/// <param name="TrialList">Every training, in the order it ran.</param>
public sealed record FidelityRun(
    double BestValidation, string BestArchitecture, int BestEpochs, int Epochs, int Trials, double Seconds, IReadOnlyList<FidelityTrial> TrialList);

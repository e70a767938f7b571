namespace NasFunctions.Benchmarks.Budget;

/// <summary>One run of the budget benchmark.</summary>
/// <param name="Validation">The best trial's validation accuracy, in [0, 1].</param>
/// <param name="Test">The best trial's test accuracy, in [0, 1].</param>
/// <param name="Architecture">The best trial's canonical architecture.</param>
/// <param name="BestEpochs">The epochs the best trial had trained.</param>
/// <param name="Epochs">The epochs every trial of the run trained together (timing and cut-off ones included).</param>
/// <param name="Trials">Trials that finished.</param>
/// <param name="Seconds">Wall-clock seconds the run took.</param>
public sealed record BudgetRun(double Validation, double Test, string Architecture, int BestEpochs, int Epochs, int Trials, double Seconds)
{
    /// <summary>
    /// A search's answer: its best trial, or that architecture retrained from scratch where the retraining validates at least as
    /// well (chosen by validation, never by test); epochs, trials and seconds are both phases' together.
    /// </summary>
    public static BudgetRun Answer(BudgetRun search, BudgetRun? retrained)
    {
        ArgumentNullException.ThrowIfNull(search);
        return retrained is null
            ? search
            : (RetrainedIsAnswer(search, retrained) ? retrained : search) with
            {
                Epochs = search.Epochs + retrained.Epochs, Trials = search.Trials + retrained.Trials, Seconds = search.Seconds + retrained.Seconds,
            };
    }

    /// <summary>Whether the retraining is the answer: it exists and validates at least as well as the search's best trial.</summary>
    public static bool RetrainedIsAnswer(BudgetRun search, BudgetRun? retrained) =>
        retrained is not null && retrained.Validation >= search.Validation;
}

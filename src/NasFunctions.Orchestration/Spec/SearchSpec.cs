using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Spec;

/// <summary>A validated search: what to search, on which data, how, and with what budget.</summary>
/// <param name="Name">A label for people (default <c>search</c>).</param>
/// <param name="Seed">Seeds every random choice of the search (default 0).</param>
/// <param name="Space">The search space.</param>
/// <param name="Dataset">The data set.</param>
/// <param name="Strategy">The strategy and its options.</param>
/// <param name="Budget">The budget.</param>
/// <param name="Training">How each trial trains.</param>
/// <param name="PlannedEpochs">
/// The epochs a trial's learning-rate schedule is planned over: the most any trial of the strategy trains (a halving or
/// Hyperband bracket's top rung, else <c>training.epochs</c>, see <see cref="PlannedLength"/>); null means <c>training.epochs</c>.
/// </param>
/// <param name="Decoding">How a seq2seq search decodes and what its fitness is; null for the default (<see cref="DecodingSpec.Default"/>).</param>
public sealed record SearchSpec(
    string Name,
    long Seed,
    ISearchSpace Space,
    DatasetSpec Dataset,
    StrategySpec Strategy,
    SearchBudget Budget,
    TrainingSpec Training,
    int? PlannedEpochs = null,
    DecodingSpec? Decoding = null)
{
    /// <summary>The decoding trials use: <see cref="Decoding"/>, or the default.</summary>
    public DecodingSpec TrialDecoding => Decoding ?? DecodingSpec.Default;

    /// <summary>The epochs every trial's schedule spans: <see cref="PlannedEpochs"/>, or the training epochs.</summary>
    public int ScheduleEpochs => PlannedEpochs ?? Training.Epochs;

    /// <summary>The fidelity trials get unless the strategy asks for another.</summary>
    public Fidelity DefaultFidelity => new(Training.Epochs, Training.DataFraction);

    /// <summary>Creates a fresh instance of the spec's strategy.</summary>
    public ISearchStrategy CreateStrategy()
    {
        var errors = new List<SpecError>();
        return StrategyCatalog.Create(Strategy.Name, Strategy.Options, Space, DefaultFidelity, "$.strategy", errors)
            ?? throw new InvalidOperationException($"Strategy could not be created: {string.Join("; ", errors)}");
    }
}

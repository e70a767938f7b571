namespace NasFunctions.Orchestration.Contracts;

/// <summary>One candidate to train: the input of the TrainCandidate activity (kept small: strings and numbers only).</summary>
/// <param name="SearchId">The search the trial belongs to.</param>
/// <param name="TrialId">Deterministic id, <c>r{round:D4}-c{index:D2}</c>.</param>
/// <param name="Round">The round that proposed it.</param>
/// <param name="Architecture">The canonical architecture string.</param>
/// <param name="Epochs">Fidelity: epochs to train.</param>
/// <param name="DataFraction">Fidelity: share of the training split.</param>
/// <param name="Seed">Seed for weight initialisation and data order.</param>
/// <param name="ContinueFrom">The trial whose final checkpoint this one continues training from; null for fresh weights.</param>
public sealed record TrialTicket(
    string SearchId, string TrialId, int Round, string Architecture, int Epochs, double DataFraction, int Seed, string? ContinueFrom = null);

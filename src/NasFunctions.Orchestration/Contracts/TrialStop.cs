namespace NasFunctions.Orchestration.Contracts;

/// <summary>The input of StopTrial: which trial to record as failed and stopped, and why.</summary>
/// <param name="Ticket">The trial.</param>
/// <param name="Category">The failure's category (for example <c>timeout</c>).</param>
/// <param name="Error">One short sentence for the trial's row.</param>
public sealed record TrialStop(TrialTicket Ticket, string Category, string Error);

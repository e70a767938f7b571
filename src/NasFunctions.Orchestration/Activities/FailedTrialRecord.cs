using NasFunctions.Orchestration.Contracts;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>The Trials row of a trial recorded as failed from outside its own training (a stop, an attempt that never came back).</summary>
internal static class FailedTrialRecord
{
    /// <summary><paramref name="row"/> (or, when the trial has none yet, a new row for <paramref name="ticket"/>) as Failed with this error.</summary>
    public static TrialRecord Of(TrialRecord? row, TrialTicket ticket, string? error, string category, DateTimeOffset at) =>
        (row ?? new TrialRecord
        {
            SearchId = ticket.SearchId,
            TrialId = ticket.TrialId,
            Round = ticket.Round,
            Architecture = ticket.Architecture,
            Epochs = ticket.Epochs,
            DataFraction = ticket.DataFraction,
            ContinuedFrom = ticket.ContinueFrom,
            Status = TrialStatus.Failed,
            UpdatedAt = at,
        }) with
        {
            Status = TrialStatus.Failed,
            Error = error,
            ErrorCategory = category,
            UpdatedAt = at,
        };
}

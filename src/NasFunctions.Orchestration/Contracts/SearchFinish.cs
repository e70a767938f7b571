namespace NasFunctions.Orchestration.Contracts;

/// <summary>The input of FinishSearch: how a search ended outside UpdateController (canceled, or an activity failed).</summary>
/// <param name="SearchId">The search.</param>
/// <param name="Round">The round it was in.</param>
/// <param name="Status">Canceled or Failed.</param>
/// <param name="StoppedBy">One of <see cref="StopReasons"/>.</param>
/// <param name="Error">Why it failed, one short sentence; null unless it did.</param>
/// <param name="ElapsedSeconds">Seconds the search has run, earlier runs included.</param>
public sealed record SearchFinish(string SearchId, int Round, string Status, string StoppedBy, string? Error, double ElapsedSeconds);

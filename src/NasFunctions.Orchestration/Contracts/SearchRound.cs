namespace NasFunctions.Orchestration.Contracts;

/// <summary>The orchestrator's input: which search, and which round this execution runs.</summary>
public sealed record SearchRound(string SearchId, int Round);

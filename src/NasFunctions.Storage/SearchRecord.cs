namespace NasFunctions.Storage;

/// <summary>One search's row in the Searches table: what it is, where it stands, and the best trial so far.</summary>
public sealed record SearchRecord
{
    /// <summary>The search id (RowKey).</summary>
    public required string SearchId { get; init; }

    /// <summary>The user's name for the search.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="SearchStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The strategy's name (random, evolution, ...).</summary>
    public required string Strategy { get; init; }

    /// <summary>The kind of search space.</summary>
    public required string SpaceKind { get; init; }

    /// <summary>The data set's name.</summary>
    public required string Dataset { get; init; }

    /// <summary>When the search was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this row was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current (or last finished) round.</summary>
    public int Round { get; init; }

    /// <summary>Rounds planned, when the budget fixes them.</summary>
    public int? RoundsPlanned { get; init; }

    /// <summary>Trials finished (succeeded or pruned).</summary>
    public int TrialsDone { get; init; }

    /// <summary>Trials failed.</summary>
    public int TrialsFailed { get; init; }

    /// <summary>The best trial so far.</summary>
    public string? BestTrialId { get; init; }

    /// <summary>The best trial's architecture, canonical string.</summary>
    public string? BestArchitecture { get; init; }

    /// <summary>The best trial's validation accuracy.</summary>
    public double? BestValidationAccuracy { get; init; }

    /// <summary>The best trial's test accuracy.</summary>
    public double? BestTestAccuracy { get; init; }

    /// <summary>Training compute spent so far, in seconds.</summary>
    public double ComputeSeconds { get; init; }

    /// <summary>Why the search failed; stored cut to <see cref="AzureSearchStore.MaxErrorLength"/> characters.</summary>
    public string? Error { get; init; }

    /// <summary>Set by a terminate request: running trainings stop at their next batch.</summary>
    public bool? TerminateRequested { get; init; }

    /// <summary>Set by a cancel request (either mode): no new trial or round starts; cleared by a resume.</summary>
    public bool? CancelRequested { get; init; }

    /// <summary>What ended the search: rounds, maxTrials, maxWallClock, maxComputeSeconds, strategy, maxFailedTrials, canceled or error; null while it runs.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Seconds the search has run (orchestration time), summed over its runs when it was resumed; written at each round's end.</summary>
    public double WallClockSeconds { get; init; }

    /// <summary>How many times the search was resumed.</summary>
    public int Resumes { get; init; }
}

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
}

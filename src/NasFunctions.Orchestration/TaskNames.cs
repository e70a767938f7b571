namespace NasFunctions.Orchestration;

/// <summary>The durable names of the search's orchestrator and activities (the same on Azure and locally).</summary>
public static class TaskNames
{
    /// <summary>The round-per-execution search orchestrator.</summary>
    public const string SearchOrchestrator = nameof(SearchOrchestrator);

    /// <summary>Asks the strategy for this round's candidates.</summary>
    public const string ProposeCandidates = nameof(ProposeCandidates);

    /// <summary>Trains and scores one candidate.</summary>
    public const string TrainCandidate = nameof(TrainCandidate);

    /// <summary>Records a trial as failed and stopped (its timeout passed), so its still-running training stops.</summary>
    public const string StopTrial = nameof(StopTrial);

    /// <summary>Feeds the round's results to the strategy and updates the search record.</summary>
    public const string UpdateController = nameof(UpdateController);

    /// <summary>Writes the Searches row of a search that ended outside UpdateController (canceled, or an activity failed).</summary>
    public const string FinishSearch = nameof(FinishSearch);

    /// <summary>The external event that cancels a search: its payload is the mode, <c>finish</c> or <c>terminate</c>.</summary>
    public const string CancelEvent = "Cancel";
}

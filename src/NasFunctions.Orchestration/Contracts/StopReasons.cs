namespace NasFunctions.Orchestration.Contracts;

/// <summary>What ended a search, as the Searches row's <c>StoppedBy</c> and the outcome say it.</summary>
public static class StopReasons
{
    /// <summary>Every planned round ran.</summary>
    public const string Rounds = "rounds";

    /// <summary>The budget's trial count was reached.</summary>
    public const string MaxTrials = "maxTrials";

    /// <summary>The budget's wall clock was spent.</summary>
    public const string MaxWallClock = "maxWallClock";

    /// <summary>The budget's training seconds were spent.</summary>
    public const string MaxComputeSeconds = "maxComputeSeconds";

    /// <summary>The strategy had nothing left to propose.</summary>
    public const string Strategy = "strategy";

    /// <summary>Too many trials failed (or all of them).</summary>
    public const string MaxFailedTrials = "maxFailedTrials";

    /// <summary>A user canceled it.</summary>
    public const string Canceled = "canceled";

    /// <summary>An activity failed past its retries.</summary>
    public const string Error = "error";
}

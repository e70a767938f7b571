namespace NasFunctions.Orchestration.Activities;

/// <summary>Deterministic trial ids, so a replayed round writes the same rows and blobs.</summary>
public static class TrialIds
{
    /// <summary>The id of candidate <paramref name="index"/> of <paramref name="round"/>, for example <c>r0003-c07</c>.</summary>
    public static string For(int round, int index) => $"r{round:D4}-c{index:D2}";
}

using System.Globalization;

namespace NasFunctions.Storage;

/// <summary>The blob names (inside the searches container) of everything stored for a search.</summary>
public static class BlobPaths
{
    /// <summary>Prefix of every blob of one search: <c>{searchId}/</c>.</summary>
    public static string Search(string searchId)
    {
        StorageIds.EnsureValidId(searchId);
        return $"{searchId}/";
    }

    /// <summary>The submitted search spec: <c>{searchId}/spec.json</c>.</summary>
    public static string Spec(string searchId) => Search(searchId) + "spec.json";

    /// <summary>The controller (strategy) state after a round: <c>{searchId}/controller/round-{round:D4}.json</c>.</summary>
    public static string ControllerState(string searchId, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        return Search(searchId) + "controller/round-" + round.ToString("D4", CultureInfo.InvariantCulture) + ".json";
    }

    /// <summary>The controller state right after it proposed a round's candidates: <c>{searchId}/controller/round-{round:D4}.proposed.json</c>.</summary>
    /// <remarks>Learning starts from this state, never from its own output, so a replayed learning step gives the same result.</remarks>
    public static string ProposedState(string searchId, int round) =>
        ControllerState(searchId, round)[..^".json".Length] + ".proposed.json";

    /// <summary>Prefix of every blob of one trial: <c>{searchId}/trials/{trialId}/</c>.</summary>
    public static string Trial(string searchId, string trialId)
    {
        StorageIds.EnsureValidId(trialId);
        return Search(searchId) + $"trials/{trialId}/";
    }

    /// <summary>A trained trial's weights: <c>{searchId}/trials/{trialId}/weights</c>.</summary>
    public static string TrialWeights(string searchId, string trialId) => Trial(searchId, trialId) + "weights";

    /// <summary>A trial's training checkpoint (weights, optimizer state, epochs done), rewritten after each epoch: <c>{searchId}/trials/{trialId}/checkpoint</c>.</summary>
    public static string TrialCheckpoint(string searchId, string trialId) => Trial(searchId, trialId) + "checkpoint";

    /// <summary>A trial's architecture as JSON: <c>{searchId}/trials/{trialId}/architecture.json</c>.</summary>
    public static string TrialArchitecture(string searchId, string trialId) => Trial(searchId, trialId) + "architecture.json";

    /// <summary>A report artefact (leaderboard, plot, exported model): <c>{searchId}/report/{name}</c>.</summary>
    public static string Report(string searchId, string name)
    {
        StorageIds.EnsureValidReportName(name);
        return Search(searchId) + "report/" + name;
    }
}

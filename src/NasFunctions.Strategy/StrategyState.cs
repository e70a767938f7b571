using System.Text.Json.Nodes;

namespace NasFunctions.Strategy;

/// <summary>Reads the common header of a saved strategy state and turns a damaged state into one clear <see cref="ArgumentException"/>.</summary>
internal static class StrategyState
{
    /// <summary>A new state object with the strategy's name and state version.</summary>
    public static JsonObject Header(string strategy, int version) => new() { ["strategy"] = strategy, ["version"] = version };

    /// <summary>Checks the header, then runs <paramref name="load"/>; any read failure becomes an <see cref="ArgumentException"/>.</summary>
    public static void Load(JsonObject state, string strategy, int version, Action load)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            var written = state["strategy"]?.GetValue<string>();
            if (written != strategy)
            {
                throw new ArgumentException($"state was written by strategy '{written}', not '{strategy}'", nameof(state));
            }

            var writtenVersion = state["version"]?.GetValue<int>();
            if (writtenVersion != version)
            {
                throw new ArgumentException($"state version {writtenVersion} is not {version}", nameof(state));
            }

            load();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"state is damaged: {e.Message}", nameof(state), e);
        }
    }
}

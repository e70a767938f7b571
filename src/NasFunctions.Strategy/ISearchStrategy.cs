using System.Text.Json.Nodes;

namespace NasFunctions.Strategy;

/// <summary>The controller of a search: proposes candidates given what it has learned, and learns from measured trials.</summary>
/// <remarks>
/// A strategy is a plain state machine: it never trains and never touches storage. Its whole state saves to JSON and loads
/// back, so a replayed activity proposes the same candidates and a stopped search resumes. All randomness comes from the
/// <see cref="Random"/> it is handed, which the caller seeds from (search seed, round).
/// </remarks>
public interface ISearchStrategy
{
    /// <summary>The strategy's name as written in a spec (for example <c>random</c>).</summary>
    string Name { get; }

    /// <summary>True when the strategy has nothing more to propose (for example every architecture was measured).</summary>
    bool IsExhausted { get; }

    /// <summary>Proposes up to <paramref name="count"/> candidates; fewer only when the space is exhausted.</summary>
    IReadOnlyList<Candidate> Propose(int count, Random random);

    /// <summary>Learns from the trials of one round (failed trials have no fitness).</summary>
    void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random);

    /// <summary>Writes the whole state, including everything learned so far.</summary>
    JsonObject SaveState();

    /// <summary>Replaces the state with one written by <see cref="SaveState"/>.</summary>
    void LoadState(JsonObject state);
}

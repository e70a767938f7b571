using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>What a strategy has proposed or learned about, and whether its search for an unseen architecture failed, so it never spends a query twice.</summary>
/// <remarks>
/// The strategies share it: each proposal is remembered as seen, the first time nothing unseen is found marks the search failed,
/// and the search is exhausted then, or once a space that counts itself (<see cref="IFiniteSearchSpace"/>) has had every
/// architecture seen. The state fields are <c>searchFailed</c> and <c>seen</c>.
/// </remarks>
internal sealed class UnseenSampler
{
    private readonly ISearchSpace _space;

    public UnseenSampler(ISearchSpace space) => _space = space;

    /// <summary>The canonical strings proposed or learned about, in first-seen order.</summary>
    public SeenSet Seen { get; } = new();

    /// <summary>True once a search for an unseen architecture found none.</summary>
    public bool SearchFailed { get; set; }

    /// <summary>True when the search failed or every architecture of a counted space was seen.</summary>
    public bool IsExhausted => SearchFailed || (_space is IFiniteSearchSpace finite && Seen.Count >= finite.Size);

    /// <summary>
    /// Up to <paramref name="count"/> candidates at <paramref name="fidelity"/>, each the unseen architecture <paramref name="next"/>
    /// returns, remembered as seen; stops when exhausted, or when <paramref name="next"/> returns null (which marks the search failed).
    /// </summary>
    public List<Candidate> Propose(int count, Fidelity fidelity, Func<Architecture?> next)
    {
        var candidates = new List<Candidate>(count);
        while (candidates.Count < count && !IsExhausted)
        {
            var architecture = next();
            if (architecture is null)
            {
                SearchFailed = true;
                break;
            }

            Seen.Add(architecture.Canonical);
            candidates.Add(new Candidate(architecture, fidelity));
        }

        return candidates;
    }

    /// <summary>A uniformly drawn unseen architecture, falling back to enumeration (see <see cref="Neighborhood.RandomUnseen"/>); null when none.</summary>
    public Architecture? RandomUnseen(Random random, int attempts, long enumerationLimit) =>
        Neighborhood.RandomUnseen(_space, Seen, random, attempts, enumerationLimit);

    /// <summary>An unseen architecture near <paramref name="parent"/> (see <see cref="Neighborhood.Mutate"/>); null when the walk finds none.</summary>
    public Architecture? Mutate(Architecture parent, Random random, int walkSteps) =>
        Neighborhood.Mutate(_space, parent, Seen, random, walkSteps);

    /// <summary>Replaces the seen set and the failed flag with the <c>seen</c> and <c>searchFailed</c> fields of <paramref name="state"/>; changes nothing when they cannot be read.</summary>
    public void Load(JsonObject state)
    {
        var searchFailed = state["searchFailed"]?.GetValue<bool>() ?? false;
        Seen.Load(state["seen"]);
        SearchFailed = searchFailed;
    }
}

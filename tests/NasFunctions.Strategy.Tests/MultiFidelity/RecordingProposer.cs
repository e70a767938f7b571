using System.Text.Json.Nodes;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

/// <summary>A proposer that passes everything to <paramref name="inner"/> and records what it learns.</summary>
internal sealed class RecordingProposer(ISearchStrategy inner) : ISearchStrategy
{
    public List<TrialOutcome> Learned { get; } = [];

    public string Name => inner.Name;

    public bool IsExhausted => inner.IsExhausted;

    public IReadOnlyList<Candidate> Propose(int count, Random random) => inner.Propose(count, random);

    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        Learned.AddRange(outcomes);
        inner.Learn(outcomes, random);
    }

    public JsonObject SaveState() => inner.SaveState();

    public void LoadState(JsonObject state) => inner.LoadState(state);
}

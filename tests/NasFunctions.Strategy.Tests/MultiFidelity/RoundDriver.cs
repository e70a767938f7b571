using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

/// <summary>
/// Simulates a search's rounds as the orchestration runs them: propose, train every candidate (a continued one trains only the
/// epochs it lacks), learn one outcome per candidate with an id like <c>r0003-c07</c>. Optionally each step runs on a fresh
/// instance loaded from the state the previous step saved, as the activities do.
/// </summary>
internal sealed class RoundDriver(Func<ISearchStrategy> create, Func<Architecture, int, double?> fitness, int seed = 1, bool reload = false)
{
    private ISearchStrategy _strategy = create();

    /// <summary>Every trained trial, in order.</summary>
    public List<DrivenTrial> Trials { get; } = [];

    /// <summary>The strategy the last step ran on.</summary>
    public ISearchStrategy Strategy => _strategy;

    /// <summary>Epochs actually trained: a continued trial counts only the epochs it adds.</summary>
    public int EpochsTrained => Trials.Sum(t => t.EpochsTrained);

    /// <summary>Rounds run so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Runs one round of up to <paramref name="count"/> candidates; returns its trials.</summary>
    public List<DrivenTrial> Round(int count)
    {
        var round = Rounds++;
        var candidates = Step().Propose(count, SeedSequence.CreateRandom(seed, round, 0));
        var trials = candidates
            .Select((c, i) => new DrivenTrial($"r{round:0000}-c{i:00}", c, fitness(c.Architecture, c.Fidelity.Epochs), Cost(c)))
            .ToList();
        Step().Learn([.. trials.Select(t => t.Outcome)], SeedSequence.CreateRandom(seed, round, 2));
        Trials.AddRange(trials);
        return trials;
    }

    /// <summary>Runs rounds of <paramref name="count"/> until <paramref name="epochs"/> are trained, the strategy is exhausted, or 1000 rounds passed.</summary>
    public RoundDriver RunUntil(int epochs, int count)
    {
        while (EpochsTrained < epochs && !_strategy.IsExhausted && Rounds < 1000)
        {
            Round(count);
        }

        return this;
    }

    private ISearchStrategy Step()
    {
        if (reload)
        {
            var state = JsonNode.Parse(_strategy.SaveState().ToJsonString())!.AsObject();
            _strategy = create();
            _strategy.LoadState(state);
        }

        return _strategy;
    }

    private int Cost(Candidate candidate)
    {
        if (candidate.ContinueFrom is null)
        {
            return candidate.Fidelity.Epochs;
        }

        var parent = Trials.Single(t => t.Id == candidate.ContinueFrom);
        parent.Candidate.Architecture.Canonical.ShouldBe(candidate.Architecture.Canonical);
        parent.Candidate.Fidelity.Epochs.ShouldBeLessThan(candidate.Fidelity.Epochs);
        return candidate.Fidelity.Epochs - parent.Candidate.Fidelity.Epochs;
    }
}

/// <summary>One trial the driver trained.</summary>
internal sealed record DrivenTrial(string Id, Candidate Candidate, double? Fitness, int EpochsTrained)
{
    /// <summary>The outcome the strategy learns.</summary>
    public TrialOutcome Outcome => new(Id, Candidate.Architecture, Candidate.Fidelity, Fitness);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Candidate.Architecture.Canonical} {Candidate.Fidelity} <- {Candidate.ContinueFrom ?? "-"}";
}

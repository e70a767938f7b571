using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.MultiFidelity;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

public class SuccessiveHalvingTests
{
    private static readonly SyntheticProblem Problem = new();
    private static readonly NoisyFitness Noisy = new(Problem);

    private static SuccessiveHalving Create(ISearchSpace? space = null, int? candidates = null, ISearchStrategy? proposer = null)
    {
        space ??= Problem.Space;
        return new(
            proposer ?? new RandomSearch(space, new RandomSearchOptions { DefaultFidelity = new Fidelity(1, 0.5) }),
            space,
            new MultiFidelityOptions { DefaultFidelity = new Fidelity(9, 0.5), Candidates = candidates });
    }

    private static RoundDriver Driver(Func<ISearchStrategy>? create = null, Func<Architecture, int, double?>? fitness = null, int seed = 1, bool reload = false) =>
        new(create ?? (() => Create()), fitness ?? Noisy.Measure, seed, reload);

    private static List<string> Describe(IEnumerable<DrivenTrial> trials) => [.. trials.Select(t => t.ToString())];

    [Fact]
    public void A_bracket_trains_nine_for_one_epoch_then_the_best_three_for_three_then_the_best_for_nine()
    {
        var driver = Driver();

        var first = driver.Round(9);
        var second = driver.Round(9);
        var third = driver.Round(9);
        var next = driver.Round(9);

        first.Count.ShouldBe(9);
        first.ShouldAllBe(t => t.Candidate.Fidelity == new Fidelity(1, 0.5) && t.Candidate.ContinueFrom == null);
        var top3 = first.OrderByDescending(t => t.Fitness).Take(3).ToList();
        second.Select(t => (t.Candidate.ContinueFrom, t.Candidate.Architecture.Canonical))
            .ShouldBe(top3.Select(t => ((string?)t.Id, t.Candidate.Architecture.Canonical)));
        second.ShouldAllBe(t => t.Candidate.Fidelity == new Fidelity(3, 0.5));
        var best = second.MaxBy(t => t.Fitness)!;
        third.Single().Candidate.ShouldBe(new Candidate(best.Candidate.Architecture, new Fidelity(9, 0.5), best.Id));
        next.Count.ShouldBe(9);
        next.ShouldAllBe(t => t.Candidate.ContinueFrom == null && t.Candidate.Fidelity.Epochs == 1);
        ((SuccessiveHalving)driver.Strategy).BracketsStarted.ShouldBe(2);
    }

    [Fact]
    public void A_bracket_of_nine_on_one_three_nine_epochs_trains_21_epochs()
    {
        var driver = Driver();

        Enumerable.Range(0, 3).ToList().ForEach(_ => driver.Round(9));

        driver.Trials.Count.ShouldBe(13);
        driver.EpochsTrained.ShouldBe((9 * 1) + (3 * (3 - 1)) + (1 * (9 - 3)));
        ((SuccessiveHalving)driver.Strategy).RungEpochs.ShouldBe([1, 3, 9]);
    }

    [Fact]
    public void Ties_go_to_the_smaller_trial_id()
    {
        var driver = Driver(fitness: (_, _) => 0.5);

        driver.Round(9);

        driver.Round(9).Select(t => t.Candidate.ContinueFrom).ShouldBe(["r0000-c00", "r0000-c01", "r0000-c02"]);
        driver.Round(9).Single().Candidate.ContinueFrom.ShouldBe("r0001-c00");
    }

    [Fact]
    public void Failed_trials_are_never_promoted()
    {
        var halving = Create();
        var first = halving.Propose(9, new Random(1));
        double?[] fitness = [null, null, null, null, 0.4, 0.5, double.NaN, null, null];

        halving.Learn([.. first.Select((c, i) => new TrialOutcome($"x{i}", c.Architecture, c.Fidelity, fitness[i]))], new Random(2));
        var promoted = halving.Propose(9, new Random(3));
        halving.Learn([.. promoted.Select((c, i) => new TrialOutcome($"y{i}", c.Architecture, c.Fidelity, i == 0 ? null : 0.1))], new Random(4));

        promoted.Select(c => c.ContinueFrom).ShouldBe(["x5", "x4"]);
        promoted.Select(c => c.Architecture).ShouldBe([first[5].Architecture, first[4].Architecture]);
        halving.Propose(9, new Random(5)).Single().ContinueFrom.ShouldBe("y1");
    }

    [Fact]
    public void A_bracket_whose_first_rung_all_failed_ends_and_the_next_one_starts()
    {
        var driver = Driver(fitness: (_, _) => null);

        driver.Round(9);
        var next = driver.Round(9);

        next.Count.ShouldBe(9);
        next.ShouldAllBe(t => t.Candidate.ContinueFrom == null);
        ((SuccessiveHalving)driver.Strategy).BracketsStarted.ShouldBe(2);
    }

    [Fact]
    public void A_rung_larger_than_the_round_spreads_over_rounds_and_rungs_never_mix()
    {
        var driver = Driver();

        var rounds = Enumerable.Range(0, 9).Select(_ => driver.Round(2)).ToList();

        rounds.Select(r => r.Count).ShouldBe([2, 2, 2, 2, 1, 2, 1, 1, 2]);
        rounds.Select(r => r.Select(t => t.Candidate.Fidelity.Epochs).Distinct().Single()).ShouldBe([1, 1, 1, 1, 1, 3, 3, 9, 1]);
        var rungZero = rounds.Take(5).SelectMany(r => r).OrderByDescending(t => t.Fitness).Take(3).Select(t => (string?)t.Id);
        rounds[5].Concat(rounds[6]).Select(t => t.Candidate.ContinueFrom).ShouldBe(rungZero);
    }

    [Fact]
    public void Proposes_nothing_for_a_count_of_zero()
    {
        var halving = Create();

        halving.Propose(0, new Random(1)).ShouldBeEmpty();
        halving.BracketsStarted.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => halving.Propose(-1, new Random(1)));
    }

    [Fact]
    public void Waits_while_proposed_trials_of_the_rung_have_no_outcome()
    {
        var halving = Create(candidates: 3);
        var first = halving.Propose(2, new Random(1));

        halving.Propose(5, new Random(2)).Count.ShouldBe(1);
        halving.Propose(5, new Random(3)).ShouldBeEmpty();

        halving.Learn([.. first.Select((c, i) => new TrialOutcome($"a{i}", c.Architecture, c.Fidelity, 0.5))], new Random(4));
        halving.Propose(5, new Random(5)).ShouldBeEmpty();
    }

    [Fact]
    public void Ignores_outcomes_it_did_not_propose()
    {
        var halving = Create(candidates: 3);
        var proposed = halving.Propose(3, new Random(1));
        var stranger = Problem.Space.Parse("4.4.4.4.4.4");
        proposed.ShouldNotContain(c => c.Architecture.Canonical == stranger.Canonical);

        halving.Learn([new TrialOutcome("s", stranger, new Fidelity(1, 0.5), 9.0), .. proposed.Select((c, i) => new TrialOutcome($"t{i}", c.Architecture, c.Fidelity, i))], new Random(2));

        halving.Propose(3, new Random(3)).Single().ContinueFrom.ShouldBe("t2");
    }

    [Fact]
    public void The_proposer_learns_only_fresh_outcomes_as_they_are()
    {
        var proposer = new RecordingProposer(new RandomSearch(Problem.Space, new RandomSearchOptions()));
        var driver = Driver(() => Create(proposer: proposer), fitness: (a, e) => a.Canonical.EndsWith('0') ? null : Noisy.Measure(a, e));

        Enumerable.Range(0, 4).ToList().ForEach(_ => driver.Round(9));

        var fresh = driver.Trials.Where(t => t.Candidate.ContinueFrom is null).Select(t => t.Outcome).ToList();
        fresh.Count.ShouldBe(18);
        proposer.Learned.ShouldBe(fresh);
        proposer.Learned.ShouldContain(o => o.Fitness == null);
    }

    [Fact]
    public void Same_seed_gives_the_same_trials()
    {
        var first = Describe(Driver(seed: 5).RunUntil(100, 4).Trials);
        var second = Describe(Driver(seed: 5).RunUntil(100, 4).Trials);
        var other = Describe(Driver(seed: 6).RunUntil(100, 4).Trials);

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Saving_and_loading_before_every_step_changes_nothing()
    {
        var plain = Describe(Driver(seed: 3).RunUntil(120, 4).Trials);
        var reloaded = Describe(Driver(seed: 3, reload: true).RunUntil(120, 4).Trials);

        reloaded.ShouldBe(plain);
    }

    [Fact]
    public void A_state_saved_mid_bracket_proposes_the_same_next_candidates()
    {
        var driver = Driver(fitness: (a, e) => a.Canonical.StartsWith('1') ? null : Noisy.Measure(a, e));
        Enumerable.Range(0, 6).ToList().ForEach(_ => driver.Round(2));
        var halving = (SuccessiveHalving)driver.Strategy;
        halving.CurrentEpochs.ShouldBe(3);
        var inFlight = halving.Propose(1, new Random(7));
        var state = JsonNode.Parse(halving.SaveState().ToJsonString())!.AsObject();
        var loaded = Create();
        loaded.LoadState(state);
        var outcomes = inFlight.Select(c => new TrialOutcome("late", c.Architecture, c.Fidelity, 0.1)).ToList();

        halving.Learn(outcomes, new Random(8));
        loaded.Learn(outcomes, new Random(8));

        loaded.SaveState().ToJsonString().ShouldBe(halving.SaveState().ToJsonString());
        loaded.Propose(4, new Random(9)).ShouldBe(halving.Propose(4, new Random(9)));
        loaded.Propose(4, new Random(10)).ShouldBe(halving.Propose(4, new Random(10)));
        state["bracket"]!["inFlight"]!.AsArray().Count.ShouldBe(inFlight.Count);
    }

    [Fact]
    public void Loading_rejects_another_strategys_or_a_damaged_state()
    {
        var halving = Create();
        var state = halving.SaveState();

        Should.Throw<ArgumentException>(() => halving.LoadState(new RandomSearch(Problem.Space, new RandomSearchOptions()).SaveState()));
        state.Remove("proposer");
        Should.Throw<ArgumentException>(() => halving.LoadState(state)).Message.ShouldContain("proposer");
    }

    [Fact]
    public void Uses_up_a_small_space_and_is_exhausted_only_when_its_last_bracket_ends()
    {
        var space = TinySpaces.Twenty();
        var driver = Driver(() => Create(space), fitness: (a, e) => (a.Canonical.Length % 7) + (0.01 * e));

        var rounds = Enumerable.Range(0, 9).Select(_ => driver.Round(9)).ToList();

        rounds.Select(r => r.Count).ShouldBe([9, 3, 1, 9, 3, 1, 2, 1, 1]);
        driver.Trials.Where(t => t.Candidate.ContinueFrom is null).Select(t => t.Candidate.Architecture.Canonical).Distinct().Count().ShouldBe(20);
        driver.Strategy.IsExhausted.ShouldBeTrue();
        driver.Strategy.Propose(9, new Random(1)).ShouldBeEmpty();
    }

    [Fact]
    public void Is_not_exhausted_while_a_bracket_is_under_way()
    {
        var space = TinySpaces.Twenty();
        var driver = Driver(() => Create(space, candidates: 20), fitness: (a, e) => a.Canonical.Length + e);

        driver.Round(20);

        driver.Strategy.IsExhausted.ShouldBeFalse();
        driver.Round(20).Count.ShouldBe(6);
    }

    [Fact]
    public void Finds_an_architecture_at_least_as_good_as_random_search_on_the_same_epochs()
    {
        const int Budget = 21 * 10;
        double halvingTotal = 0, randomTotal = 0;
        foreach (var seed in Enumerable.Range(1, 5))
        {
            var halving = Driver(seed: seed).RunUntil(Budget, 9);
            var random = new RoundDriver(
                () => new RandomSearch(Problem.Space, new RandomSearchOptions { DefaultFidelity = new Fidelity(9, 0.5) }), Noisy.Measure, seed);
            while (random.EpochsTrained + 9 <= Budget)
            {
                random.Round(Math.Min(9, (Budget - random.EpochsTrained) / 9));
            }

            halving.EpochsTrained.ShouldBe(Budget);
            halvingTotal += Found(halving);
            randomTotal += Found(random);
        }

        halvingTotal.ShouldBeGreaterThanOrEqualTo(randomTotal);
    }

    /// <summary>The true fitness of the best architecture measured at the full 9 epochs.</summary>
    private static double Found(RoundDriver driver) =>
        Noisy.True(driver.Trials.Where(t => t.Candidate.Fidelity.Epochs == 9).MaxBy(t => t.Fitness)!.Candidate.Architecture);
}

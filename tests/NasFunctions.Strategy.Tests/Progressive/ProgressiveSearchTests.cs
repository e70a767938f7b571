using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.Strategy.Progressive;

namespace NasFunctions.Strategy.Tests.Progressive;

public class ProgressiveSearchTests
{
    private static readonly Fidelity Fidelity = new(2, 0.5);

    private static ProgressiveSearch Create(ISearchSpace? space = null, ProgressiveOptions? options = null) =>
        new(space ?? NasBench201Space.Default, options ?? new ProgressiveOptions { DefaultFidelity = Fidelity });

    private static List<string> Canonicals(IEnumerable<Candidate> candidates) => [.. candidates.Select(c => c.Architecture.Canonical)];

    [Fact]
    public void First_proposal_in_a_cell_space_is_the_empty_cell()
    {
        var first = Create().Propose(1, new Random(3)).ShouldHaveSingleItem();

        NasBench201Space.Default.Complexity(first.Architecture).ShouldBe(0);
        first.Fidelity.ShouldBe(Fidelity);
    }

    [Fact]
    public void First_proposals_in_a_block_space_have_the_fewest_blocks_at_the_smallest_width()
    {
        var space = MacroCnnSpace.Default;
        var first = Create(space).Propose(10, new Random(4));

        first.Count.ShouldBe(10);
        first.ShouldAllBe(c => space.Complexity(c.Architecture) == 0);
        first.ShouldAllBe(c => space.Decode(c.Architecture).Blocks.Count == 1);
    }

    [Fact]
    public void The_complexity_bound_grows_one_step_per_round()
    {
        var space = NasBench201Space.Default;
        var search = Create();
        var fitness = new SyntheticFitness(space.Decisions, 1);
        for (var round = 0; round < 6; round++)
        {
            var candidate = search.Propose(1, new Random(round)).ShouldHaveSingleItem();
            space.Complexity(candidate.Architecture).ShouldBeLessThanOrEqualTo(round);
            search.Learn([new TrialOutcome("t", candidate.Architecture, Fidelity, fitness.Of(candidate.Architecture))], new Random(0));
            search.ComplexityBound.ShouldBe(round + 1);
        }
    }

    [Fact]
    public void A_batch_too_large_for_the_bound_reaches_one_step_further()
    {
        var space = NasBench201Space.Default;
        var batch = Create().Propose(10, new Random(5));

        batch.Count.ShouldBe(10);
        batch.Select(c => space.Complexity(c.Architecture)).Max().ShouldBe(1);
    }

    [Fact]
    public void Same_seed_gives_the_same_search()
    {
        var fitness = new SyntheticFitness(NasBench201Space.Default.Decisions, 2);

        var first = fitness.Search(Create(), 40, 4, seed: 7);
        var second = fitness.Search(Create(), 40, 4, seed: 7);
        var other = fitness.Search(Create(), 40, 4, seed: 8);

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Saved_and_loaded_state_proposes_what_the_original_would()
    {
        var fitness = new SyntheticFitness(NasBench201Space.Default.Decisions, 3);
        var original = Create();
        fitness.Search(original, 30, 3, seed: 1);
        original.Propose(2, new Random(11));
        var text = original.SaveState().ToJsonString();

        var restored = Create();
        restored.LoadState(JsonNode.Parse(text)!.AsObject());

        restored.SaveState().ToJsonString().ShouldBe(text);
        restored.ComplexityBound.ShouldBe(original.ComplexityBound);
        Canonicals(restored.Propose(5, new Random(9))).ShouldBe(Canonicals(original.Propose(5, new Random(9))));
    }

    [Fact]
    public void Loading_a_state_of_another_strategy_fails()
    {
        var state = new RandomSearch(NasBench201Space.Default, new RandomSearchOptions()).SaveState();

        Should.Throw<ArgumentException>(() => Create().LoadState(state));
    }

    [Fact]
    public void Never_proposes_an_architecture_twice_and_uses_a_small_space_up()
    {
        var space = TinySpaces.Twenty();
        var search = Create(space);
        var fitness = new SyntheticFitness(space.Decisions, 4);

        var measured = fitness.Search(search, 100, 3, seed: 2);

        measured.Count.ShouldBe(20);
        measured.Select(a => a.Canonical).Distinct().Count().ShouldBe(20);
        search.IsExhausted.ShouldBeTrue();
        search.Propose(3, new Random(1)).ShouldBeEmpty();
    }

    [Fact]
    public void Never_proposes_an_architecture_it_learned_about_or_proposed_before()
    {
        var fitness = new SyntheticFitness(NasBench201Space.Default.Decisions, 5);

        var measured = fitness.Search(Create(), 120, 7, seed: 3);

        measured.Select(a => a.Canonical).Distinct().Count().ShouldBe(120);
    }

    [Fact]
    public void Works_on_a_space_too_large_to_list()
    {
        var space = MacroCnnSpace.Default;
        var fitness = new SyntheticFitness(space.Decisions, 6);
        var search = Create(space, new ProgressiveOptions { DefaultFidelity = Fidelity, SamplesPerRound = 300 });

        var measured = fitness.Search(search, 40, 4, seed: 4);

        measured.Count.ShouldBe(40);
        measured.Select(a => a.Canonical).Distinct().Count().ShouldBe(40);
        measured.Select(space.Complexity).Max().ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Beats_random_search_on_a_synthetic_fitness()
    {
        var space = NasBench201Space.Default;
        const int seeds = 20;
        const int queries = 60;
        double progressive = 0;
        double random = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var fitness = new SyntheticFitness(space.Decisions, 100 + seed);
            progressive += fitness.Search(Create(), queries, 5, seed).Max(fitness.Of) / seeds;
            random += fitness.Search(new RandomSearch(space, new RandomSearchOptions()), queries, 5, seed).Max(fitness.Of) / seeds;
        }

        progressive.ShouldBeGreaterThan(random + 1.0);
    }

    [Fact]
    public void Failed_trials_are_not_proposed_again()
    {
        var search = Create();
        var first = search.Propose(1, new Random(1)).ShouldHaveSingleItem();
        search.Learn([new TrialOutcome("t", first.Architecture, Fidelity, null)], new Random(0));

        var next = Canonicals(search.Propose(30, new Random(2)));

        next.ShouldNotContain(first.Architecture.Canonical);
        next.Distinct().Count().ShouldBe(30);
    }
}

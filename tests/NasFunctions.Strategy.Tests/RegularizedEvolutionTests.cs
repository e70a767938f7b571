using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Strategy.Evolution;

namespace NasFunctions.Strategy.Tests;

public class RegularizedEvolutionTests
{
    private static readonly Fidelity Fidelity = new(2, 0.5);

    private static RegularizedEvolution Create(ISearchSpace? space = null, int population = 6, int sample = 3) =>
        new(space ?? MacroCnnSpace.Default, new RegularizedEvolutionOptions { DefaultFidelity = Fidelity, PopulationSize = population, SampleSize = sample });

    private static List<string> Canonicals(IReadOnlyList<Candidate> candidates) => [.. candidates.Select(c => c.Architecture.Canonical)];

    /// <summary>Proposes and learns <paramref name="rounds"/> rounds of <paramref name="batch"/> on the synthetic problem; returns every proposal.</summary>
    private static List<string> Drive(RegularizedEvolution evolution, SyntheticProblem problem, int rounds, int batch, int seed)
    {
        var all = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var candidates = evolution.Propose(batch, SeedSequence.CreateRandom(seed, round));
            all.AddRange(Canonicals(candidates));
            evolution.Learn([.. candidates.Select(c => new TrialOutcome("t", c.Architecture, c.Fidelity, problem.Fitness(c.Architecture)))], new Random(0));
        }

        return all;
    }

    [Fact]
    public void Same_seed_gives_the_same_proposals()
    {
        var problem = new SyntheticProblem();
        var first = Drive(Create(problem.Space), problem, 20, 2, seed: 1);
        var second = Drive(Create(problem.Space), problem, 20, 2, seed: 1);
        var other = Drive(Create(problem.Space), problem, 20, 2, seed: 2);

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Starts_random_then_mutates_one_decision_of_a_population_member()
    {
        var problem = new SyntheticProblem();
        var evolution = Create(problem.Space, population: 5, sample: 2);
        Drive(evolution, problem, 5, 1, seed: 3);
        var members = evolution.Population.Select(m => m.Architecture).ToList();

        var child = evolution.Propose(1, new Random(4)).Single().Architecture;

        members.Count.ShouldBe(5);
        members.ShouldContain(m => m.Choices.Count(c => child.Choices[c.Key] != c.Value) == 1);
    }

    [Fact]
    public void The_oldest_member_leaves_a_full_population()
    {
        var problem = new SyntheticProblem();
        var evolution = Create(problem.Space, population: 4, sample: 2);
        var proposed = Drive(evolution, problem, 9, 1, seed: 5);

        evolution.Population.Select(m => m.Architecture.Canonical).ShouldBe(proposed.TakeLast(4));
    }

    [Fact]
    public void Never_proposes_an_architecture_twice_or_one_it_learned_about()
    {
        var problem = new SyntheticProblem(decisions: 4, choices: 3);
        var evolution = Create(problem.Space, population: 5, sample: 5);
        var learned = problem.Space.Parse("0.0.0.0");
        evolution.Learn([new TrialOutcome("x", learned, Fidelity, 10.0)], new Random(0));

        var all = Drive(evolution, problem, 40, 2, seed: 6);

        all.Count.ShouldBe(80);
        all.Distinct().Count().ShouldBe(80);
        all.ShouldNotContain("0.0.0.0");
    }

    [Fact]
    public void Uses_up_a_tiny_space_exactly()
    {
        var problem = new SyntheticProblem(decisions: 2, choices: 3);
        var evolution = Create(problem.Space, population: 2, sample: 2);

        var all = Drive(evolution, problem, 10, 2, seed: 7);

        all.Count.ShouldBe(9);
        all.Distinct().Count().ShouldBe(9);
        evolution.IsExhausted.ShouldBeTrue();
    }

    [Fact]
    public void Mutations_change_the_canonical_string_of_a_space_with_unused_decisions()
    {
        var space = TinySpaces.Twenty();
        var evolution = Create(space, population: 2, sample: 2);
        var proposed = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var candidates = evolution.Propose(2, new Random(round));
            proposed.AddRange(Canonicals(candidates));
            evolution.Learn([.. candidates.Select(c => new TrialOutcome("t", c.Architecture, Fidelity, c.Architecture.Canonical.Length))], new Random(0));
        }

        proposed.Count.ShouldBe(20);
        proposed.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void Saved_and_loaded_state_proposes_what_the_original_would()
    {
        var problem = new SyntheticProblem();
        var original = Create(problem.Space);
        Drive(original, problem, 12, 1, seed: 8);
        original.Propose(2, new Random(1));
        var text = original.SaveState().ToJsonString();

        var restored = Create(problem.Space);
        restored.LoadState(JsonNode.Parse(text)!.AsObject());

        restored.SaveState().ToJsonString().ShouldBe(text);
        restored.Population.ShouldBe(original.Population);
        Drive(restored, problem, 15, 2, seed: 9).ShouldBe(Drive(original, problem, 15, 2, seed: 9));
    }

    [Fact]
    public void Rejects_a_state_of_another_strategy()
    {
        var state = Create().SaveState();
        state["strategy"] = "random";

        Should.Throw<ArgumentException>(() => Create().LoadState(state)).Message.ShouldContain("'random'");
    }

    [Fact]
    public void Rejects_a_damaged_state()
    {
        var state = Create().SaveState();
        state["population"] = new JsonArray(new JsonObject { ["architecture"] = "conv3x3/16" });

        Should.Throw<ArgumentException>(() => Create().LoadState(state)).Message.ShouldContain("damaged");
    }

    [Fact]
    public void Beats_random_search_on_a_synthetic_fitness()
    {
        var problem = new SyntheticProblem();
        double Mean(Func<ISearchStrategy> create) => Enumerable.Range(0, 20).Average(seed => problem.BestFound(create(), 100, seed));

        var evolution = Mean(() => new RegularizedEvolution(problem.Space, new RegularizedEvolutionOptions()));
        var random = Mean(() => new RandomSearch(problem.Space, new RandomSearchOptions()));

        evolution.ShouldBeGreaterThan(random + 0.1);
    }

    [Fact]
    public void Options_are_validated()
    {
        var options = new RegularizedEvolutionOptions
        {
            DefaultFidelity = new Fidelity(0, 1),
            PopulationSize = 1,
            SampleSize = 3,
            MutationWalk = -1,
            MaxAttemptsPerCandidate = 0,
            EnumerationLimit = -1,
        };

        options.Validate("$.o").ShouldBe(
        [
            new SpecError("$.o.defaultFidelity", "epochs must be at least 1, not 0"),
            new SpecError("$.o.populationSize", "must be at least 2, not 1"),
            new SpecError("$.o.sampleSize", "must be from 1 to populationSize (1), not 3"),
            new SpecError("$.o.mutationWalk", "must be at least 0, not -1"),
            new SpecError("$.o.maxAttemptsPerCandidate", "must be at least 1, not 0"),
            new SpecError("$.o.enumerationLimit", "must be at least 0, not -1"),
        ]);
        Should.Throw<ArgumentException>(() => new RegularizedEvolution(MacroCnnSpace.Default, options));
        new RegularizedEvolutionOptions().Validate().ShouldBeEmpty();
    }
}

using System.Text.Json;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.Evolution;
using NasFunctions.Strategy.MultiFidelity;
using NasFunctions.Strategy.Objectives;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

public class MultiFidelityCatalogTests
{
    private static readonly SyntheticProblem Problem = new();
    private static readonly NoisyFitness Noisy = new(Problem);
    private static readonly Fidelity Fidelity = new(9, 0.5);

    private static ISearchStrategy? Create(string name, string? options, List<SpecError> errors, Fidelity? fidelity = null) =>
        StrategyCatalog.Create(
            name,
            options is null ? null : JsonDocument.Parse(options).RootElement,
            Problem.Space,
            fidelity ?? Fidelity,
            "$.strategy",
            errors);

    [Fact]
    public void Knows_halving_and_hyperband() => StrategyCatalog.Names.ShouldBe(["random", "evolution", "rl", "progressive", "halving", "hyperband"]);

    [Fact]
    public void Creates_both_with_a_random_proposer_at_the_first_rungs_fidelity_by_default()
    {
        var errors = new List<SpecError>();

        var halving = Create("halving", null, errors).ShouldBeOfType<SuccessiveHalving>();
        var hyperband = Create("hyperband", """{ "minEpochs": 2, "maxEpochs": 20 }""", errors).ShouldBeOfType<Hyperband>();

        errors.ShouldBeEmpty();
        halving.ToString().ShouldBe("halving(eta=3, epochs 1..9, proposer random)");
        halving.Propose(4, new Random(1)).ShouldAllBe(c => c.Fidelity == new Fidelity(1, 0.5) && c.ContinueFrom == null);
        halving.Proposer.ShouldBeOfType<RandomSearch>().Propose(1, new Random(2)).Single().Fidelity.ShouldBe(new Fidelity(1, 0.5));
        hyperband.Proposer.Propose(1, new Random(2)).Single().Fidelity.ShouldBe(new Fidelity(2, 0.5));
        hyperband.Propose(4, new Random(1)).ShouldAllBe(c => c.Fidelity == new Fidelity(2, 0.5));
    }

    [Fact]
    public void Creates_the_named_proposer_with_its_options()
    {
        var errors = new List<SpecError>();

        var halving = Create(
            "halving",
            """{ "eta": 2, "candidates": 6, "proposer": { "name": "evolution", "options": { "populationSize": 8 } } }""",
            errors).ShouldBeOfType<SuccessiveHalving>();

        errors.ShouldBeEmpty();
        halving.Proposer.ToString().ShouldBe("evolution(P=8, S=4)");
        halving.RungEpochs.ShouldBe([2, 4, 9]);
        halving.Propose(10, new Random(1)).Count.ShouldBe(6);
    }

    [Fact]
    public void Lists_every_problem_of_the_options_and_the_proposer_at_its_path()
    {
        var errors = new List<SpecError>();

        Create("halving", """{ "eta": 1, "candidates": 0, "proposer": { "name": "evolution", "options": { "populationSize": 1, "x": 2 } } }""", errors)
            .ShouldBeNull();

        errors.ShouldBe(
        [
            new("$.strategy.options.eta", "must be at least 2, not 1"),
            new("$.strategy.options.candidates", "must be at least 1, not 0"),
            new("$.strategy.options.proposer.options.x", "unknown field; known fields: populationSize, sampleSize, mutationWalk, maxAttemptsPerCandidate, enumerationLimit"),
            new("$.strategy.options.proposer.options.populationSize", "must be at least 2, not 1"),
        ]);
    }

    [Theory]
    [InlineData("""{ "name": "halving" }""", "$.strategy.options.proposer.name", "'halving' cannot be a proposer: name a strategy that proposes architectures, such as random or evolution")]
    [InlineData("""{ "name": "hyperband" }""", "$.strategy.options.proposer.name", "'hyperband' cannot be a proposer: name a strategy that proposes architectures, such as random or evolution")]
    [InlineData("""{ "name": "annealing" }""", "$.strategy.options.proposer.name", "unknown strategy 'annealing'; known strategies: random, evolution, rl, progressive, halving, hyperband")]
    [InlineData("""{ "name": 3 }""", "$.strategy.options.proposer.name", "must be a string, not a number")]
    [InlineData("""{ "options": {} }""", "$.strategy.options.proposer.name", "is required; known strategies: random, evolution, rl, progressive, halving, hyperband")]
    [InlineData("""{ "name": "random", "seed": 1 }""", "$.strategy.options.proposer.seed", "unknown field; known fields: name, options")]
    [InlineData("\"random\"", "$.strategy.options.proposer", "must be an object, not a string")]
    [InlineData("""{ "name": "random", "options": [] }""", "$.strategy.options.proposer.options", "must be an object, not an array")]
    public void A_bad_proposer_is_an_error_at_its_path(string proposer, string path, string message)
    {
        foreach (var name in new[] { "halving", "hyperband" })
        {
            var errors = new List<SpecError>();

            Create(name, $$"""{ "proposer": {{proposer}} }""", errors).ShouldBeNull();

            errors.ShouldBe([new SpecError(path, message)]);
        }
    }

    [Fact]
    public void Too_few_training_epochs_for_two_rungs_is_an_error_at_max_epochs()
    {
        var errors = new List<SpecError>();

        Create("hyperband", null, errors, new Fidelity(1, 1.0)).ShouldBeNull();

        errors.ShouldBe([new SpecError(
            "$.strategy.options.maxEpochs",
            "must be at least minEpochs * eta = 3: successive halving needs at least two rungs; it is 1 (the training epochs, its default)")]);
    }

    [Fact]
    public void Objectives_wrap_halving_and_promotions_keep_their_continue_from()
    {
        var errors = new List<SpecError>();
        var constrained = Create("halving", """{ "objectives": { "maxParameters": 100 }, "eta": 3, "candidates": 3 }""", errors)
            .ShouldBeOfType<ConstrainedStrategy>();
        errors.ShouldBeEmpty();
        constrained.Name.ShouldBe("halving");
        constrained.Inner.ShouldBeOfType<SuccessiveHalving>();
        var first = constrained.Propose(3, new Random(1));

        constrained.Learn(
        [
            new TrialOutcome("a", first[0].Architecture, first[0].Fidelity, 0.9, new Dictionary<string, double> { ["parameters"] = 500 }),
            new TrialOutcome("b", first[1].Architecture, first[1].Fidelity, 0.2, new Dictionary<string, double> { ["parameters"] = 50 }),
            new TrialOutcome("c", first[2].Architecture, first[2].Fidelity, 0.1, new Dictionary<string, double> { ["parameters"] = 50 }),
        ], new Random(2));

        constrained.Propose(3, new Random(3)).ShouldBe([new Candidate(first[1].Architecture, new Fidelity(3, 0.5), "b")]);
    }

    [Fact]
    public void Wrapped_evolution_learns_only_first_rung_outcomes()
    {
        var errors = new List<SpecError>();
        ISearchStrategy Make() => Create("halving", """{ "proposer": { "name": "evolution", "options": { "populationSize": 9 } } }""", errors)!;
        var driver = new RoundDriver(Make, Noisy.Measure, seed: 2);

        Enumerable.Range(0, 3).ToList().ForEach(_ => driver.Round(9));

        errors.ShouldBeEmpty();
        var evolution = ((SuccessiveHalving)driver.Strategy).Proposer.ShouldBeOfType<RegularizedEvolution>();
        var firstRung = driver.Trials.Take(9).Select(t => (t.Candidate.Architecture.Canonical, t.Fitness!.Value));
        evolution.Population.Select(m => (m.Architecture.Canonical, m.Fitness)).ShouldBe(firstRung);
        driver.Trials.Skip(9).ShouldAllBe(t => t.Candidate.ContinueFrom != null);
    }

    [Fact]
    public void Wrapped_evolution_keeps_proposing_and_saving_through_many_brackets()
    {
        var errors = new List<SpecError>();
        ISearchStrategy Make() => Create("hyperband", """{ "proposer": { "name": "evolution", "options": { "populationSize": 6 } } }""", errors)!;

        var plain = new RoundDriver(Make, Noisy.Measure, seed: 8).RunUntil(300, 5).Trials.Select(t => t.ToString()).ToList();
        var reloaded = new RoundDriver(Make, Noisy.Measure, seed: 8, reload: true).RunUntil(300, 5).Trials.Select(t => t.ToString()).ToList();

        errors.ShouldBeEmpty();
        reloaded.ShouldBe(plain);
        plain.Select(t => t.Split(' ')[1]).Distinct().Count().ShouldBeGreaterThan(30);
    }
}

using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.Reinforce;

namespace NasFunctions.Strategy.Tests;

[Collection(TorchCollection.Name)]
public class ReinforceControllerTests
{
    private static readonly SyntheticProblem Problem = new();

    private static ReinforceController Create(ISearchSpace? space = null) => new(space ?? Problem.Space, new ReinforceControllerOptions());

    private static List<string> Drive(ReinforceController controller, int rounds, int batch, int seed, SyntheticProblem? problem = null)
    {
        problem ??= Problem;
        var all = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var candidates = controller.Propose(batch, SeedSequence.CreateRandom(seed, round));
            all.AddRange(candidates.Select(c => c.Architecture.Canonical));
            controller.Learn(
                [.. candidates.Select(c => new TrialOutcome("t", c.Architecture, c.Fidelity, problem.Fitness(c.Architecture)))],
                SeedSequence.CreateRandom(seed, round, 1));
        }

        return all;
    }

    [Fact]
    public void Same_seed_gives_the_same_proposals()
    {
        using var first = Create();
        using var second = Create();
        using var other = Create();

        var a = Drive(first, 15, 2, seed: 1);
        Drive(second, 15, 2, seed: 1).ShouldBe(a);
        Drive(other, 15, 2, seed: 2).ShouldNotBe(a);
    }

    [Fact]
    public void Learning_moves_the_policy_and_the_baseline()
    {
        using var learning = Create();
        using var untrained = Create();
        Drive(learning, 10, 2, seed: 3);
        untrained.Propose(2, SeedSequence.CreateRandom(3, 0));

        var trained = learning.SaveState()["controller"]!["weights"]!.ToJsonString();
        trained.ShouldNotBe(untrained.SaveState()["controller"]!["weights"]!.ToJsonString());
        learning.Baseline.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Saved_and_loaded_state_proposes_what_the_original_would()
    {
        using var original = Create();
        Drive(original, 10, 2, seed: 4);
        var text = original.SaveState().ToJsonString();

        using var restored = Create();
        restored.LoadState(JsonNode.Parse(text)!.AsObject());

        restored.SaveState().ToJsonString().ShouldBe(text);
        Drive(restored, 10, 2, seed: 5).ShouldBe(Drive(original, 10, 2, seed: 5));
    }

    [Fact]
    public void Never_proposes_an_architecture_twice_and_uses_up_a_tiny_space()
    {
        var tiny = new SyntheticProblem(decisions: 3, choices: 3);
        using var controller = Create(tiny.Space);

        var all = Drive(controller, 20, 2, seed: 6, tiny);

        all.Count.ShouldBe(27);
        all.Distinct().Count().ShouldBe(27);
        controller.IsExhausted.ShouldBeTrue();
    }

    [Fact]
    public void Beats_random_search_on_a_synthetic_fitness()
    {
        double Mean(Func<ISearchStrategy> create) => Enumerable.Range(0, 20).Average(seed =>
        {
            var strategy = create();
            try
            {
                return Problem.BestFound(strategy, 100, seed);
            }
            finally
            {
                (strategy as IDisposable)?.Dispose();
            }
        });

        var rl = Mean(() => Create());
        var random = Mean(() => new RandomSearch(Problem.Space, new RandomSearchOptions()));

        rl.ShouldBeGreaterThan(random + 0.1);
    }

    [Fact]
    public void Rejects_a_damaged_state()
    {
        using var controller = Create();
        Drive(controller, 2, 1, seed: 7);
        var state = controller.SaveState();
        state["controller"]!["weights"]!["cell.weight_ih"] = "AAAA";

        Should.Throw<ArgumentException>(() => Create().LoadState(state)).Message.ShouldContain("damaged");
    }

    [Fact]
    public void Options_are_validated()
    {
        var options = new ReinforceControllerOptions
        {
            HiddenSize = 0,
            EmbeddingSize = 2000,
            LearningRate = 0,
            EntropyWeight = -1,
            BaselineDecay = 1,
            InitRange = 0,
            MaxResamples = 0,
            MaxAttemptsPerCandidate = 0,
            EnumerationLimit = -1,
        };

        options.Validate("$.o").Select(e => e.Path).ShouldBe(
        [
            "$.o.hiddenSize", "$.o.embeddingSize", "$.o.learningRate", "$.o.entropyWeight", "$.o.baselineDecay", "$.o.initRange",
            "$.o.maxResamples", "$.o.maxAttemptsPerCandidate", "$.o.enumerationLimit",
        ]);
        Should.Throw<ArgumentException>(() => new ReinforceController(Problem.Space, options));
        new ReinforceControllerOptions().Validate().ShouldBeEmpty();
    }
}

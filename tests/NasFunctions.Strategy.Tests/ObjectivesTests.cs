using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy.Objectives;

namespace NasFunctions.Strategy.Tests;

public class ObjectivesTests
{
    private static readonly SyntheticProblem Problem = new(decisions: 3, choices: 4);
    private static readonly Fidelity Fidelity = new(1, 1);

    private static TrialOutcome Trial(string id, string architecture, double? fitness, double? parameters = null, double? latency = null)
    {
        var metrics = new Dictionary<string, double>();
        if (parameters is { } p)
        {
            metrics["parameters"] = p;
        }

        if (latency is { } l)
        {
            metrics["latencyMs"] = l;
        }

        return new TrialOutcome(id, Problem.Space.Parse(architecture), Fidelity, fitness, metrics);
    }

    [Fact]
    public void Pareto_front_of_hand_made_points()
    {
        ParetoPoint[] points =
        [
            new("a", [0.90, -100]),
            new("b", [0.95, -300]),
            new("c", [0.85, -200]), // dominated by a
            new("d", [0.95, -300]), // equal to b: kept
            new("e", [0.80, -50]),
            new("f", [0.90, -150]), // dominated by a
        ];

        ParetoFront.Of(points).Select(p => p.Id).ShouldBe(["a", "b", "d", "e"]);
        ParetoFront.Dominates(points[0], points[2]).ShouldBeTrue();
        ParetoFront.Dominates(points[1], points[3]).ShouldBeFalse();
        ParetoFront.Of([]).ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => ParetoFront.Of([new("x", [1.0]), new("y", [1.0, 2.0])]));
    }

    [Fact]
    public void A_trial_that_breaks_a_constraint_is_learned_with_the_penalty()
    {
        var inner = new RecordingStrategy();
        var constrained = new ConstrainedStrategy(inner, Problem.Space, new ObjectivesOptions { MaxParameters = 1000, MaxLatencyMs = 5, Penalty = -1 });

        constrained.Learn(
        [
            Trial("ok", "0.0.0", 0.9, parameters: 1000, latency: 5),
            Trial("big", "0.0.1", 0.95, parameters: 1001),
            Trial("slow", "0.0.2", 0.97, parameters: 10, latency: 6),
            Trial("unknown", "0.0.3", 0.5),
            Trial("failed", "0.1.0", null, parameters: 5000),
        ], new Random(0));

        inner.Learned.Select(o => o.Fitness).ShouldBe([0.9, -1, -1, 0.5, null]);
        constrained.Violations(Trial("x", "1.1.1", 0.1, parameters: 2000, latency: 9)).ShouldBe(["parameters 2000 > 1000", "latencyMs 9 > 5"]);
    }

    [Fact]
    public void Keeps_the_front_of_accuracy_against_size_over_feasible_trials()
    {
        var constrained = new ConstrainedStrategy(new RecordingStrategy(), Problem.Space, new ObjectivesOptions { MaxParameters = 1000 });

        constrained.Learn([Trial("a", "0.0.0", 0.90, 500), Trial("b", "0.0.1", 0.80, 600), Trial("big", "0.0.2", 0.99, 5000)], new Random(0));
        constrained.Learn([Trial("c", "0.0.3", 0.95, 900), Trial("d", "0.1.0", 0.70, 100), Trial("none", "0.1.1", 0.99)], new Random(0));

        constrained.ParetoFront.Select(o => o.TrialId).ShouldBe(["a", "c", "d"]);
        constrained.ParetoFront[1].Fitness.ShouldBe(0.95);
    }

    [Fact]
    public void Saved_state_keeps_the_front_and_the_inner_state()
    {
        var options = new ObjectivesOptions { MaxParameters = 1000 };
        var original = new ConstrainedStrategy(new RandomSearch(Problem.Space, new RandomSearchOptions()), Problem.Space, options);
        original.Propose(3, new Random(1));
        original.Learn([Trial("a", "0.0.0", 0.90, 500), Trial("c", "0.0.3", 0.95, 900)], new Random(0));
        var text = original.SaveState().ToJsonString();

        var restored = new ConstrainedStrategy(new RandomSearch(Problem.Space, new RandomSearchOptions()), Problem.Space, options);
        restored.LoadState(JsonNode.Parse(text)!.AsObject());

        restored.SaveState().ToJsonString().ShouldBe(text);
        restored.ParetoFront.Select(o => o.TrialId).ShouldBe(["a", "c"]);
        restored.Propose(5, new Random(2)).Select(c => c.Architecture).ShouldBe(original.Propose(5, new Random(2)).Select(c => c.Architecture));
    }

    [Fact]
    public void Options_are_validated()
    {
        var options = new ObjectivesOptions { MaxParameters = 0, MaxFlops = -1, MaxLatencyMs = double.NaN, Penalty = double.PositiveInfinity, Pareto = ["accuracy", "fitness"] };

        options.Validate("$.o").ShouldBe(
        [
            new SpecError("$.o.maxParameters", "must be a finite number above 0, not 0"),
            new SpecError("$.o.maxFlops", "must be a finite number above 0, not -1"),
            new SpecError("$.o.maxLatencyMs", "must be a finite number above 0, not NaN"),
            new SpecError("$.o.penalty", $"must be a finite number, not {double.PositiveInfinity}"),
            new SpecError("$.o.pareto[1]", "objective 'fitness' is named twice"),
        ]);
        new ObjectivesOptions { Pareto = ["accuracy"] }.Validate("$.o").ShouldBe([new SpecError("$.o.pareto", "must name at least 2 objectives, not 1")]);
        new ObjectivesOptions().Validate().ShouldBeEmpty();
    }

    /// <summary>An inner strategy that records what it learns.</summary>
    private sealed class RecordingStrategy : ISearchStrategy
    {
        public List<TrialOutcome> Learned { get; } = [];

        public string Name => "recording";

        public bool IsExhausted => false;

        public IReadOnlyList<Candidate> Propose(int count, Random random) => [];

        public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random) => Learned.AddRange(outcomes);

        public JsonObject SaveState() => [];

        public void LoadState(JsonObject state)
        {
        }
    }
}

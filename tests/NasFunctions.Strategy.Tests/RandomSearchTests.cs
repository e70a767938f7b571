using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.Strategy.Tests;

public class RandomSearchTests
{
    private static readonly Fidelity Fidelity = new(3, 0.5);

    private static RandomSearch Create(ISearchSpace? space = null, int maxAttempts = 1000, long enumerationLimit = 100_000) =>
        new(space ?? MacroCnnSpace.Default, new RandomSearchOptions
        {
            DefaultFidelity = Fidelity,
            MaxAttemptsPerCandidate = maxAttempts,
            EnumerationLimit = enumerationLimit,
        });

    private static List<string> Canonicals(IReadOnlyList<Candidate> candidates) => [.. candidates.Select(c => c.Architecture.Canonical)];

    [Fact]
    public void Same_seed_gives_the_same_proposals_in_two_instances()
    {
        var first = Canonicals(Create().Propose(25, new Random(123)));
        var second = Canonicals(Create().Propose(25, new Random(123)));
        var other = Canonicals(Create().Propose(25, new Random(124)));

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Candidates_carry_the_default_fidelity() =>
        Create().Propose(3, new Random(1)).ShouldAllBe(c => c.Fidelity == Fidelity);

    [Fact]
    public void Proposals_are_architectures_of_the_space()
    {
        foreach (var candidate in Create().Propose(50, new Random(2)))
        {
            MacroCnnSpace.Default.Parse(candidate.Architecture.Canonical).ShouldBe(candidate.Architecture);
        }
    }

    [Fact]
    public void Saved_and_loaded_state_proposes_what_the_original_would()
    {
        var original = Create();
        original.Propose(10, new Random(5));
        original.Learn([Outcome(MacroCnnSpace.Default.Parse("maxpool|conv3x3/16"))], new Random(0));
        var text = original.SaveState().ToJsonString();

        var restored = Create();
        restored.LoadState(JsonNode.Parse(text)!.AsObject());

        restored.SeenCount.ShouldBe(11);
        restored.SaveState().ToJsonString().ShouldBe(text);
        Canonicals(restored.Propose(30, new Random(9))).ShouldBe(Canonicals(original.Propose(30, new Random(9))));
    }

    [Fact]
    public void Loaded_state_keeps_the_seen_set()
    {
        var space = TinySpaces.Twenty();
        var original = Create(space);
        var first = Canonicals(original.Propose(15, new Random(5)));

        var restored = Create(space);
        restored.LoadState(original.SaveState());
        var rest = Canonicals(restored.Propose(100, new Random(6)));

        rest.Count.ShouldBe(5);
        rest.Intersect(first).ShouldBeEmpty();
    }

    [Fact]
    public void Never_repeats_across_batches()
    {
        var search = Create();
        var random = new Random(77);
        var all = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            all.AddRange(Canonicals(search.Propose(40, random)));
        }

        all.Count.ShouldBe(400);
        all.Distinct().Count().ShouldBe(400);
    }

    [Fact]
    public void Never_proposes_what_it_learned_about()
    {
        var space = TinySpaces.Twenty();
        var learned = new[] { "conv3x3/16", "conv3x3/16+bn", "conv3x3/16|conv3x3/16+skip", "conv3x3/16+bn+skip|conv3x3/16" };
        var search = Create(space);
        search.Learn([.. learned.Select(c => Outcome(space.Parse(c)))], new Random(0));

        var proposed = Canonicals(search.Propose(100, new Random(3)));

        proposed.Count.ShouldBe(16);
        proposed.Intersect(learned).ShouldBeEmpty();
        search.IsExhausted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1)]
    public void Exhausts_a_tiny_space_exactly(int maxAttempts)
    {
        var space = TinySpaces.Twenty();
        var search = Create(space, maxAttempts);
        var random = new Random(8);

        var proposed = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            search.IsExhausted.ShouldBeFalse();
            proposed.AddRange(Canonicals(search.Propose(7, random)));
        }

        space.Size.ShouldBe(20);
        proposed.Count.ShouldBe(20);
        proposed.Distinct().Count().ShouldBe(20);
        search.IsExhausted.ShouldBeTrue();
        search.Propose(5, random).ShouldBeEmpty();
    }

    [Fact]
    public void An_uncounted_space_is_exhausted_once_nothing_unseen_is_found()
    {
        var search = Create(TinySpaces.Uncounted(3), maxAttempts: 1);
        var random = new Random(4);

        Canonicals(search.Propose(3, random)).Order().ShouldBe(["n0", "n1", "n2"]);
        search.IsExhausted.ShouldBeFalse();
        search.Propose(1, random).ShouldBeEmpty();
        search.IsExhausted.ShouldBeTrue();

        var restored = Create(TinySpaces.Uncounted(3));
        restored.LoadState(search.SaveState());
        restored.IsExhausted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(100_000, new[] { "n999" }, false)]
    [InlineData(0, new string[0], true)]
    public void Enumeration_finds_the_last_unseen_architecture_only_within_its_limit(long limit, string[] expected, bool exhausted)
    {
        var search = Create(TinySpaces.Uncounted(1000), maxAttempts: 1, enumerationLimit: limit);
        search.Learn([.. Enumerable.Range(0, 999).Select(i => Outcome(new Architecture($"n{i}", new Dictionary<string, string>())))], new Random(0));

        Canonicals(search.Propose(1, new Random(1))).ShouldBe(expected);
        search.IsExhausted.ShouldBe(exhausted);
    }

    [Fact]
    public void Rejects_a_state_of_another_strategy()
    {
        var state = Create().SaveState();
        state["strategy"] = "evolution";

        Should.Throw<ArgumentException>(() => Create().LoadState(state)).Message.ShouldContain("'evolution'");
    }

    [Fact]
    public void Rejects_a_damaged_state()
    {
        var state = new JsonObject { ["strategy"] = "random", ["version"] = 1, ["seen"] = new JsonArray(1, 2) };
        Should.Throw<ArgumentException>(() => Create().LoadState(state)).Message.ShouldContain("damaged");
    }

    [Fact]
    public void Options_are_validated()
    {
        var options = new RandomSearchOptions { DefaultFidelity = new Fidelity(0, 1.5), MaxAttemptsPerCandidate = 0, EnumerationLimit = -1 };

        options.Validate("$.strategy.options").ShouldBe(
        [
            new SpecError("$.strategy.options.defaultFidelity", "epochs must be at least 1, not 0"),
            new SpecError("$.strategy.options.defaultFidelity", "dataFraction must be in (0, 1], not 1.5"),
            new SpecError("$.strategy.options.maxAttemptsPerCandidate", "must be at least 1, not 0"),
            new SpecError("$.strategy.options.enumerationLimit", "must be at least 0, not -1"),
        ]);
        Should.Throw<ArgumentException>(() => new RandomSearch(MacroCnnSpace.Default, options));
        new RandomSearchOptions().Validate().ShouldBeEmpty();
    }

    private static TrialOutcome Outcome(Architecture architecture) => new("r0000-c00", architecture, Fidelity, 0.5);
}

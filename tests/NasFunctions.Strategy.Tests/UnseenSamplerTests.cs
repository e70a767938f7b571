using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Tests;

public class UnseenSamplerTests
{
    private static readonly Fidelity Fidelity = new(1, 1.0);

    [Fact]
    public void Proposes_each_unseen_architecture_once_until_a_counted_space_is_used_up()
    {
        var sampler = new UnseenSampler(TinySpaces.Twenty());
        var random = new Random(3);

        var candidates = sampler.Propose(25, Fidelity, () => sampler.RandomUnseen(random, 5, 100));

        candidates.Count.ShouldBe(20);
        candidates.Select(c => c.Architecture.Canonical).Distinct().Count().ShouldBe(20);
        candidates.ShouldAllBe(c => c.Fidelity == Fidelity);
        sampler.Seen.Count.ShouldBe(20);
        sampler.SearchFailed.ShouldBeFalse();
        sampler.IsExhausted.ShouldBeTrue();
    }

    [Fact]
    public void A_search_that_finds_nothing_marks_the_sampler_failed()
    {
        var sampler = new UnseenSampler(TinySpaces.Uncounted(3));
        var random = new Random(1);

        var candidates = sampler.Propose(5, Fidelity, () => sampler.RandomUnseen(random, 2, 0));

        sampler.SearchFailed.ShouldBeTrue();
        sampler.IsExhausted.ShouldBeTrue();
        candidates.Count.ShouldBe(sampler.Seen.Count);
        sampler.Propose(1, Fidelity, () => throw new InvalidOperationException("not called")).ShouldBeEmpty();
    }

    [Fact]
    public void Loads_the_seen_list_and_the_failed_flag_and_changes_nothing_when_they_are_damaged()
    {
        var sampler = new UnseenSampler(TinySpaces.Uncounted(5));
        sampler.Seen.Add("n1");

        sampler.Load(new JsonObject { ["searchFailed"] = true, ["seen"] = new JsonArray("n3", "n0") });

        sampler.Seen.ShouldBe(["n3", "n0"]);
        sampler.SearchFailed.ShouldBeTrue();
        Should.Throw<FormatException>(() => sampler.Load(new JsonObject { ["searchFailed"] = false }));
        sampler.Seen.ShouldBe(["n3", "n0"]);
        sampler.SearchFailed.ShouldBeTrue();
    }

    [Fact]
    public void Option_rules_report_each_problem_at_its_field()
    {
        var errors = new List<SpecError>();

        OptionRules.CheckFidelity(null, "$.o", errors);
        OptionRules.CheckFidelity(new Fidelity(0, 1.0), "$.o", errors);
        OptionRules.CheckFallback(0, -1, "$.o", errors);
        OptionRules.CheckFallback(1, 0, "$.o", errors);

        errors.Select(e => e.ToString()).ShouldBe(
        [
            "$.o.defaultFidelity: is required",
            "$.o.defaultFidelity: epochs must be at least 1, not 0",
            "$.o.maxAttemptsPerCandidate: must be at least 1, not 0",
            "$.o.enumerationLimit: must be at least 0, not -1",
        ]);
        Should.Throw<ArgumentException>(() => OptionRules.ThrowIfInvalid(errors, "x")).ParamName.ShouldBe("options");
    }
}

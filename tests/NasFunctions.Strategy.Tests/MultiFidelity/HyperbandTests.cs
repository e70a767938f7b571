using NasFunctions.SearchSpace;
using NasFunctions.Strategy.MultiFidelity;

namespace NasFunctions.Strategy.Tests.MultiFidelity;

public class HyperbandTests
{
    private static readonly SyntheticProblem Problem = new();
    private static readonly NoisyFitness Noisy = new(Problem);

    private static Hyperband Create(int maxEpochs = 9) => new(
        new RandomSearch(Problem.Space, new RandomSearchOptions()),
        Problem.Space,
        new MultiFidelityOptions { DefaultFidelity = new Fidelity(maxEpochs, 0.25) });

    [Fact]
    public void Runs_the_brackets_of_li_et_al_in_turn_then_again()
    {
        var driver = new RoundDriver(() => Create(), Noisy.Measure);

        var rounds = Enumerable.Range(0, 7).Select(_ => driver.Round(20)).ToList();

        rounds.Select(r => $"{r.Count}@{r.Select(t => t.Candidate.Fidelity.Epochs).Distinct().Single()}")
            .ShouldBe(["9@1", "3@3", "1@9", "5@3", "1@9", "3@9", "9@1"]);
        rounds.Select(r => r.All(t => t.Candidate.ContinueFrom is null)).ShouldBe([true, false, false, true, false, true, true]);
        var bracketOne = rounds[3].MaxBy(t => t.Fitness)!;
        rounds[4].Single().Candidate.ShouldBe(new Candidate(bracketOne.Candidate.Architecture, new Fidelity(9, 0.25), bracketOne.Id));
        driver.Trials.Take(13).Sum(t => t.EpochsTrained).ShouldBe(21);
        driver.Trials.Skip(13).Take(6).Sum(t => t.EpochsTrained).ShouldBe((5 * 3) + (9 - 3));
        ((Hyperband)driver.Strategy).BracketsStarted.ShouldBe(4);
    }

    [Fact]
    public void Saving_and_loading_before_every_step_changes_nothing()
    {
        var plain = new RoundDriver(() => Create(27), Noisy.Measure, seed: 4).RunUntil(400, 7).Trials.Select(t => t.ToString()).ToList();
        var reloaded = new RoundDriver(() => Create(27), Noisy.Measure, seed: 4, reload: true).RunUntil(400, 7).Trials.Select(t => t.ToString()).ToList();

        reloaded.ShouldBe(plain);
        plain.Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Candidates_is_for_halving_only() =>
        Should.Throw<ArgumentException>(() => new Hyperband(
            new RandomSearch(Problem.Space, new RandomSearchOptions()),
            Problem.Space,
            new MultiFidelityOptions { DefaultFidelity = new Fidelity(9, 1), Candidates = 3 }));

    [Fact]
    public void Rejects_a_state_written_by_successive_halving()
    {
        var halving = new SuccessiveHalving(
            new RandomSearch(Problem.Space, new RandomSearchOptions()), Problem.Space, new MultiFidelityOptions { DefaultFidelity = new Fidelity(9, 1) });

        Should.Throw<ArgumentException>(() => Create().LoadState(halving.SaveState())).Message.ShouldContain("halving");
    }

    [Fact]
    public void Invalid_options_throw() =>
        Should.Throw<ArgumentException>(() => Create(maxEpochs: 2)).Message.ShouldContain("maxEpochs");
}

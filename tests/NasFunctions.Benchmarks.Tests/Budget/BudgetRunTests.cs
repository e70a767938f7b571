using NasFunctions.Benchmarks.Budget;

namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>A search's answer: its best trial or the retraining, chosen by validation and never by test, with both phases' spend.</summary>
public sealed class BudgetRunTests
{
    private static readonly BudgetRun Search = new(Validation: 0.90, Test: 0.89, "conv3x3/16", BestEpochs: 9, Epochs: 40, Trials: 20, Seconds: 600);

    [Fact]
    public void Without_a_retraining_the_answer_is_the_search()
    {
        BudgetRun.Answer(Search, null).ShouldBe(Search);
        BudgetRun.RetrainedIsAnswer(Search, null).ShouldBeFalse();
    }

    [Fact]
    public void A_retraining_that_validates_better_is_the_answer_and_the_spend_is_both_phases()
    {
        var retrained = Search with { Validation = 0.92, Test = 0.91, BestEpochs = 30, Epochs = 31, Trials = 2, Seconds = 300 };

        var answer = BudgetRun.Answer(Search, retrained);

        answer.Validation.ShouldBe(0.92);
        answer.Test.ShouldBe(0.91);
        answer.BestEpochs.ShouldBe(30);
        answer.Epochs.ShouldBe(71);
        answer.Trials.ShouldBe(22);
        answer.Seconds.ShouldBe(900);
    }

    [Fact]
    public void A_retraining_that_validates_worse_is_not_the_answer_even_where_its_test_is_better()
    {
        var retrained = Search with { Validation = 0.88, Test = 0.95, Epochs = 31, Trials = 2, Seconds = 300 };

        var answer = BudgetRun.Answer(Search, retrained);

        answer.Validation.ShouldBe(0.90);
        answer.Test.ShouldBe(0.89, "the test split never chooses");
        answer.BestEpochs.ShouldBe(9);
        answer.Epochs.ShouldBe(71);
        BudgetRun.RetrainedIsAnswer(Search, retrained).ShouldBeFalse();
    }
}

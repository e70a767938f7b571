using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>The spec fields for faults inside a trial: <c>training.timeout</c>, <c>training.retry</c>, <c>budget.maxFailedTrials</c>.</summary>
public class TrialFaultSpecTests
{
    [Fact]
    public void Without_them_a_trial_gets_24_hours_3_attempts_from_5_s_and_the_search_tolerates_half_its_trials_failing()
    {
        var spec = SearchSpecReader.Read("""{ "budget": { "rounds": 3, "candidatesPerRound": 3 } }""").Spec!;

        spec.Training.TrialTimeout.ShouldBe(TimeSpan.FromHours(24));
        spec.Training.TrialRetry.ShouldBe(new RetrySpec(3, TimeSpan.FromSeconds(5)));
        spec.Budget.FailedTrialCap.ShouldBe(5, "half of 9 trials, rounded up");
        TrialPolicy.From(spec.Training).ShouldBe(new TrialPolicy(86_400, 3, 5));
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("1.5", 1.5)]
    [InlineData("\"00:30:00\"", 1800)]
    [InlineData("\"1.00:00:00\"", 86_400)]
    public void A_timeout_is_seconds_or_a_timespan_string(string json, double seconds)
    {
        var result = SearchSpecReader.Read($$"""{ "training": { "timeout": {{json}} } }""");

        result.Errors.ShouldBeEmpty();
        result.Spec!.Training.TrialTimeout.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Reads_the_retry_policy_and_the_failed_trial_cap()
    {
        var spec = SearchSpecReader.Read("""
            { "training": { "retry": { "attempts": 1, "backoff": "00:00:02" } }, "budget": { "maxFailedTrials": 0 } }
            """).Spec!;

        spec.Training.TrialRetry.ShouldBe(new RetrySpec(1, TimeSpan.FromSeconds(2)));
        spec.Budget.FailedTrialCap.ShouldBe(0);
        new TrialPolicy(10, 4, 3).BackoffBefore(3).ShouldBe(TimeSpan.FromSeconds(12), "3 s doubled twice");
    }

    [Theory]
    [InlineData("""{ "training": { "timeout": 0 } }""", "$.training.timeout", "must be from 1 to 518400 seconds, not 0")]
    [InlineData("""{ "training": { "timeout": 1e12 } }""", "$.training.timeout", "must be from 1 to 518400 seconds, not 1000000000000")]
    [InlineData("""{ "training": { "timeout": "30" } }""", "$.training.timeout", "must be a number of seconds or a duration such as \"00:30:00\" or \"30m\"")]
    [InlineData("""{ "training": { "timeout": "soon" } }""", "$.training.timeout", "must be a number of seconds or a duration such as \"00:30:00\" or \"30m\"")]
    [InlineData("""{ "training": { "timeout": true } }""", "$.training.timeout", "must be a number of seconds or a duration such as \"00:30:00\" or \"30m\"")]
    [InlineData("""{ "training": { "retry": { "attempts": 0 } } }""", "$.training.retry.attempts", "must be from 1 to 10, not 0")]
    [InlineData("""{ "training": { "retry": { "backoff": -1 } } }""", "$.training.retry.backoff", "must be from 0 to 3600 seconds, not -1")]
    [InlineData("""{ "training": { "retry": { "tries": 2 } } }""", "$.training.retry.tries", null)]
    [InlineData("""{ "training": { "retry": 3 } }""", "$.training.retry", null)]
    [InlineData("""{ "budget": { "maxFailedTrials": -1 } }""", "$.budget.maxFailedTrials", "must be from 0 to 1000000, not -1")]
    public void Rejects_a_bad_value_at_its_path(string json, string path, string? message)
    {
        var result = SearchSpecReader.Read(json);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe(path);
        if (message is not null)
        {
            error.Message.ShouldBe(message);
        }
    }
}

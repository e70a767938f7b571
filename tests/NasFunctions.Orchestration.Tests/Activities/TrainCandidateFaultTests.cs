using Microsoft.Extensions.Logging.Abstractions;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Orchestration.Tests.Fakes;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>TrainCandidate under faults: storage outages retried in place, the stop signal (terminate, a stop-requested row).</summary>
public sealed class TrainCandidateFaultTests
{
    private const string SearchId = "s1";
    private const string Spec = """
        { "seed": 3, "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["conv3x3"], "channels": [8, 16] },
          "training": { "epochs": 2 } }
        """;

    private readonly InMemorySearchStore _store = new();

    [Fact]
    public async Task Transient_storage_errors_on_checkpoints_and_weights_are_retried_in_place_not_counted_against_the_trial()
    {
        await SeedAsync();
        _store.WriteOutages = 2;

        var summary = await RunAsync(new SyntheticEvaluator(), Ticket("conv3x3/8"));

        summary.Status.ShouldBe(TrialSummary.Succeeded);
        _store.WriteOutages.ShouldBe(0, "both outages were met and retried");
        var row = (await _store.GetTrialAsync(SearchId, "r0000-c00"))!;
        (row.Status, row.Attempt, row.EpochsDone).ShouldBe((TrialStatus.Succeeded, 1, (int?)2));
        (await _store.GetTrialCheckpointAsync(SearchId, "r0000-c00")).ShouldBe(new byte[] { 2 });
    }

    [Fact]
    public async Task An_outage_the_storage_client_gave_up_on_is_still_retried_in_place()
    {
        await SeedAsync();
        _store.WriteOutages = 2;
        _store.OutagesAfterClientRetries = true; // Azure.Core throws an AggregateException of every try's error

        var summary = await RunAsync(new SyntheticEvaluator(), Ticket("conv3x3/8"));

        (summary.Status, summary.ErrorCategory).ShouldBe((TrialSummary.Succeeded, (string?)null));
        _store.WriteOutages.ShouldBe(0);
    }

    [Fact]
    public async Task A_terminate_request_stops_a_running_training_within_seconds_as_canceled()
    {
        await SeedAsync();
        var evaluator = new SyntheticEvaluator { HangOn = "conv3x3/8" };
        var training = RunAsync(evaluator, Ticket("conv3x3/8"));
        await Task.Delay(300);
        training.IsCompleted.ShouldBeFalse("the training hangs until it is told to stop");

        var search = (await _store.GetSearchAsync(SearchId))!;
        await _store.UpsertSearchAsync(search with { TerminateRequested = true });
        var summary = await training.WaitAsync(TimeSpan.FromSeconds(5));

        (summary.Status, summary.ErrorCategory, summary.Error).ShouldBe((TrialSummary.Failed, TrialErrorCategory.Canceled, TrialErrors.Canceled));
        evaluator.Stopped.ShouldBe(["conv3x3/8"]);
        (await _store.GetTrialAsync(SearchId, "r0000-c00"))!.ErrorCategory.ShouldBe(TrialErrorCategory.Canceled);
    }

    [Fact]
    public async Task When_the_host_stops_the_training_leaves_at_its_next_batch_and_the_attempt_reports_nothing()
    {
        await SeedAsync();
        var evaluator = new SyntheticEvaluator { HangOn = "conv3x3/8" };
        using var shutdown = new TrainingShutdown();
        var training = RunAsync(evaluator, Ticket("conv3x3/8"), shutdown);
        await Task.Delay(300);

        var idle = await shutdown.StopAsync(TimeSpan.FromSeconds(5));

        idle.ShouldBeTrue("the training left its loop once the host's token was cancelled");
        evaluator.Stopped.ShouldBe(["conv3x3/8"]);
        await Task.Delay(300);
        training.IsCompleted.ShouldBeFalse("an attempt cut short by its host is redelivered, not reported as a failure");
        var row = (await _store.GetTrialAsync(SearchId, "r0000-c00"))!;
        (row.Status, row.StopRequested, row.ErrorCategory).ShouldBe((TrialStatus.Running, (bool?)null, (string?)null));
    }

    [Fact]
    public async Task StopTrial_marks_the_row_and_the_running_training_stops_at_its_next_check_leaving_that_verdict()
    {
        await SeedAsync();
        var evaluator = new SyntheticEvaluator { HangOn = "conv3x3/8" };
        var ticket = Ticket("conv3x3/8");
        var training = RunAsync(evaluator, ticket);
        await Task.Delay(300);

        var stopped = await new StopTrialActivity(_store, TimeProvider.System)
            .RunAsync(null!, new TrialStop(ticket, TrialErrorCategory.Timeout, "The trial ran past its timeout of 60 s and was stopped."));
        var summary = await training.WaitAsync(TimeSpan.FromSeconds(5));

        (stopped.Status, stopped.ErrorCategory).ShouldBe((TrialSummary.Failed, TrialErrorCategory.Timeout));
        summary.ShouldBe(stopped);
        evaluator.Stopped.ShouldBe(["conv3x3/8"], "the 24-hour deadline is far off: the row's stop flag stopped it");
        var row = (await _store.GetTrialAsync(SearchId, "r0000-c00"))!;
        (row.Status, row.StopRequested, row.Error).ShouldBe((TrialStatus.Failed, (bool?)true, "The trial ran past its timeout of 60 s and was stopped."));
    }

    [Fact]
    public async Task A_trial_whose_row_says_stop_is_not_trained_again()
    {
        await SeedAsync();
        await _store.UpsertTrialAsync(new TrialRecord
        {
            SearchId = SearchId, TrialId = "r0000-c00", Architecture = "conv3x3/8", Status = TrialStatus.Failed,
            ErrorCategory = TrialErrorCategory.Timeout, Error = "timed out", StopRequested = true, UpdatedAt = DateTimeOffset.UnixEpoch,
        });
        var evaluator = new SyntheticEvaluator();

        var summary = await RunAsync(evaluator, Ticket("conv3x3/8"));

        (summary.Status, summary.ErrorCategory).ShouldBe((TrialSummary.Failed, TrialErrorCategory.Timeout));
        evaluator.Evaluated.ShouldBeEmpty();
    }

    private async Task SeedAsync()
    {
        await _store.PutSpecAsync(SearchId, Spec);
        await _store.UpsertSearchAsync(new SearchRecord
        {
            SearchId = SearchId, Name = "n", Status = SearchStatus.Running, Strategy = "random", SpaceKind = "macro-cnn",
            Dataset = "fashion-mnist", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        });
    }

    private static TrialTicket Ticket(string architecture) => new(SearchId, "r0000-c00", 0, architecture, 2, 1, 5);

    private Task<TrialSummary> RunAsync(ITrialEvaluator evaluator, TrialTicket ticket, TrainingShutdown? shutdown = null) =>
        new TrainCandidateActivity(
                _store, new SearchSpecCache(_store), evaluator, TimeProvider.System, NullLogger<TrainCandidateActivity>.Instance,
                new EvaluatorHostOptions { StopCheckInterval = TimeSpan.FromMilliseconds(50) }, shutdown)
            .RunAsync(null!, ticket);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Feeds a round's results to the strategy, saves what it learned, updates the Searches row and decides whether to stop.</summary>
/// <remarks>
/// Idempotent: it starts from the state ProposeCandidates saved for the round (never from its own output), and it
/// recomputes the search's totals from the Trials table, the source of truth.
/// </remarks>
public sealed class UpdateControllerActivity(ISearchStore store, SearchSpecCache specs, TimeProvider time)
    : TaskActivity<RoundResults, RoundReport>
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <inheritdoc />
    public override async Task<RoundReport> RunAsync(TaskActivityContext context, RoundResults input)
    {
        var spec = await specs.GetAsync(input.SearchId);
        var strategy = spec.CreateStrategy();
        string state = await store.GetProposedStateAsync(input.SearchId, input.Round)
            ?? throw new InvalidOperationException($"Search '{input.SearchId}' has no proposed state for round {input.Round}.");
        strategy.LoadState(JsonNode.Parse(state)!.AsObject());

        var outcomes = input.Trials
            .Select(t => new TrialOutcome(
                t.TrialId,
                spec.Space.Parse(t.Architecture),
                new Fidelity(t.Epochs, t.DataFraction),
                t.ValidationAccuracy,
                Metrics(t)))
            .ToList();
        strategy.Learn(outcomes, SeedSequence.CreateRandom(spec.Seed, input.Round, 2));
        await store.PutControllerStateAsync(input.SearchId, input.Round, strategy.SaveState().ToJsonString());
        await RecordAbandonedTrialsAsync(input);

        var trials = await store.ListTrialsAsync(input.SearchId);
        var totals = SearchTotals.Of(trials);
        var best = totals.Best;
        int failed = totals.Failed;
        string? stoppedBy = StoppedBy(spec, input, totals, strategy.IsExhausted);
        string? failure = FailedTrialRule.Verdict(failed, totals.Finished, spec.Budget.FailedTrialCap, stoppedBy is not null);
        bool done = stoppedBy is not null || failure is not null;
        string status = failure is not null ? SearchStatus.Failed : done ? SearchStatus.Completed : SearchStatus.Running;

        var search = await store.GetSearchAsync(input.SearchId)
            ?? throw new InvalidOperationException($"Search '{input.SearchId}' has no record.");
        await store.UpsertSearchAsync(totals.ApplyTo(search) with
        {
            Status = status,
            Error = failure ?? search.Error,
            StoppedBy = failure is not null ? StopReasons.MaxFailedTrials : stoppedBy,
            Round = input.Round,
            WallClockSeconds = input.ElapsedSeconds,
            UpdatedAt = time.GetUtcNow(),
        });

        var progress = new SearchProgress(
            failure is not null ? SearchProgress.Failed : done ? SearchProgress.Completed : "learning",
            input.Round,
            spec.Budget.Rounds,
            totals.Finished,
            failed,
            spec.Budget.MaxTrials,
            input.Trials.Count,
            input.Trials.Count,
            best?.TrialId,
            best?.Architecture,
            best?.ValidationAccuracy);
        if (!done)
        {
            return new RoundReport(progress, null);
        }

        var leaderboard = trials
            .OrderByDescending(t => t.ValidationAccuracy ?? -1)
            .ThenBy(t => t.TrialId, StringComparer.Ordinal)
            .ToList();
        await store.PutReportAsync(input.SearchId, "leaderboard.json", JsonSerializer.SerializeToUtf8Bytes(leaderboard, ReportJson), "application/json");
        var outcome = new SearchOutcome(
            input.SearchId,
            status,
            input.Round + 1,
            totals.Finished,
            failed,
            best?.TrialId,
            best?.Architecture,
            best?.ValidationAccuracy,
            best?.TestAccuracy,
            failure,
            failure is not null ? StopReasons.MaxFailedTrials : stoppedBy);
        return new RoundReport(progress, outcome);
    }

    /// <summary>The limit that ends the search after this round, or null when another round follows.</summary>
    private static string? StoppedBy(SearchSpec spec, RoundResults input, SearchTotals totals, bool exhausted)
    {
        var budget = spec.Budget;
        var spent = new BudgetCheck(budget.MaxWallClock?.TotalSeconds, budget.MaxComputeSeconds, 0)
            .Spent(input.ElapsedSeconds, totals.ComputeSeconds);
        return input.BudgetStop ?? spent
            ?? (input.Round + 1 >= budget.Rounds ? StopReasons.Rounds
            : totals.Finished >= budget.MaxTrials ? StopReasons.MaxTrials
            : exhausted ? StopReasons.Strategy
            : null);
    }

    private async Task RecordAbandonedTrialsAsync(RoundResults input)
    {
        foreach (var summary in input.Trials.Where(t => t.Status == TrialSummary.Failed))
        {
            var row = await store.GetTrialAsync(input.SearchId, summary.TrialId);
            if (row is null || row.Status == TrialStatus.Running)
            {
                var ticket = new TrialTicket(input.SearchId, summary.TrialId, input.Round, summary.Architecture, summary.Epochs, summary.DataFraction, Seed: 0); // the row keeps no seed
                await store.UpsertTrialAsync(FailedTrialRecord.Of(
                    row, ticket, summary.Error, summary.ErrorCategory ?? TrialErrorCategory.Internal, time.GetUtcNow()));
            }
        }
    }

    /// <summary>The measured costs strategies and constraints may use: "parameters", "flops", "latencyMs"; null when none was measured.</summary>
    private static Dictionary<string, double>? Metrics(TrialSummary trial)
    {
        var metrics = new Dictionary<string, double>();
        if (trial.Parameters is { } parameters)
        {
            metrics["parameters"] = parameters;
        }

        if (trial.Flops is { } flops)
        {
            metrics["flops"] = flops;
        }

        if (trial.LatencyMilliseconds is { } latency)
        {
            metrics["latencyMs"] = latency;
        }

        return metrics.Count == 0 ? null : metrics;
    }
}

using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Asks the strategy for this round's candidates, from the state it learned up to the previous round.</summary>
/// <remarks>Deterministic for (spec, seed, round): a re-run proposes the same trials with the same ids and seeds.</remarks>
public sealed class ProposeCandidatesActivity(ISearchStore store, SearchSpecCache specs, TimeProvider time)
    : TaskActivity<SearchRound, Proposal>
{
    /// <inheritdoc />
    public override async Task<Proposal> RunAsync(TaskActivityContext context, SearchRound input)
    {
        var spec = await specs.GetAsync(input.SearchId);
        var search = await store.GetSearchAsync(input.SearchId)
            ?? throw new InvalidOperationException($"Search '{input.SearchId}' has no record.");
        var strategy = spec.CreateStrategy();
        if (input.Round > 0)
        {
            string state = await store.GetControllerStateAsync(input.SearchId, input.Round - 1)
                ?? throw new InvalidOperationException($"Search '{input.SearchId}' has no controller state for round {input.Round - 1}.");
            strategy.LoadState(JsonNode.Parse(state)!.AsObject());
        }

        var trials = await store.ListTrialsAsync(input.SearchId);
        int earlier = trials.Count(t => t.Round < input.Round);
        int count = input.Round >= spec.Budget.Rounds || strategy.IsExhausted
            ? 0
            : Math.Clamp(spec.Budget.MaxTrials - earlier, 0, spec.Budget.CandidatesPerRound);
        var candidates = count == 0 ? [] : strategy.Propose(count, SeedSequence.CreateRandom(spec.Seed, input.Round, 0));
        await store.PutProposedStateAsync(input.SearchId, input.Round, strategy.SaveState().ToJsonString());

        var tickets = candidates
            .Select((candidate, index) => new TrialTicket(
                input.SearchId,
                TrialIds.For(input.Round, index),
                input.Round,
                candidate.Architecture.Canonical,
                candidate.Fidelity.Epochs,
                candidate.Fidelity.DataFraction,
                SeedSequence.Derive(spec.Seed, input.Round, index, 1),
                candidate.ContinueFrom))
            .ToList();

        var now = time.GetUtcNow();
        await store.UpsertSearchAsync(search with
        {
            Status = SearchStatus.Running,
            Round = input.Round,
            WallClockSeconds = input.ElapsedSeconds(now.UtcDateTime),
            UpdatedAt = now,
        });

        var progress = new SearchProgress(
            SearchProgress.Training,
            input.Round,
            spec.Budget.Rounds,
            search.TrialsDone,
            search.TrialsFailed,
            spec.Budget.MaxTrials,
            tickets.Count,
            0,
            search.BestTrialId,
            search.BestArchitecture,
            search.BestValidationAccuracy);
        var budget = new BudgetCheck(
            spec.Budget.MaxWallClock?.TotalSeconds,
            spec.Budget.MaxComputeSeconds,
            trials.Where(t => t.Round < input.Round).Sum(t => t.TrainSeconds ?? 0));
        return new Proposal(tickets, spec.Budget.MaxParallelTrials, progress, TrialPolicy.From(spec.Training), budget);
    }
}

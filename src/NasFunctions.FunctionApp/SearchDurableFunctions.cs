using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Activities;
using NasFunctions.Orchestration.Contracts;

namespace NasFunctions.FunctionApp;

/// <summary>One-line Functions wrappers around the library's orchestrator and activities.</summary>
public sealed class SearchDurableFunctions(
    ProposeCandidatesActivity propose, TrainCandidateActivity train, StopTrialActivity stop, UpdateControllerActivity update, FinishSearchActivity finish)
{
    /// <summary>The round-per-execution search orchestrator.</summary>
    [Function(TaskNames.SearchOrchestrator)]
    public static Task<SearchOutcome?> SearchOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SearchOrchestrator().RunAsync(context, context.GetInput<SearchRound>()!);

    /// <summary>Asks the strategy for the round's candidates.</summary>
    [Function(TaskNames.ProposeCandidates)]
    public Task<Proposal> ProposeCandidates([ActivityTrigger] SearchRound input, FunctionContext context) =>
        propose.RunAsync(new FunctionActivityContext(TaskNames.ProposeCandidates, context.InvocationId), input);

    /// <summary>Trains and scores one candidate.</summary>
    [Function(TaskNames.TrainCandidate)]
    public Task<TrialSummary> TrainCandidate([ActivityTrigger] TrialTicket input, FunctionContext context) =>
        train.RunAsync(new FunctionActivityContext(TaskNames.TrainCandidate, context.InvocationId), input);

    /// <summary>Records a trial whose timeout passed as failed and stopped.</summary>
    [Function(TaskNames.StopTrial)]
    public Task<TrialSummary> StopTrial([ActivityTrigger] TrialStop input, FunctionContext context) =>
        stop.RunAsync(new FunctionActivityContext(TaskNames.StopTrial, context.InvocationId), input);

    /// <summary>Feeds the round's results to the strategy.</summary>
    [Function(TaskNames.UpdateController)]
    public Task<RoundReport> UpdateController([ActivityTrigger] RoundResults input, FunctionContext context) =>
        update.RunAsync(new FunctionActivityContext(TaskNames.UpdateController, context.InvocationId), input);

    /// <summary>Writes the row of a search that was canceled or whose activity failed.</summary>
    [Function(TaskNames.FinishSearch)]
    public Task<SearchOutcome> FinishSearch([ActivityTrigger] SearchFinish input, FunctionContext context) =>
        finish.RunAsync(new FunctionActivityContext(TaskNames.FinishSearch, context.InvocationId), input);
}

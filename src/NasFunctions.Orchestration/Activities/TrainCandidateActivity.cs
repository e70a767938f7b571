using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Trains one candidate, uploads its weights, records its Trials row and returns a small summary.</summary>
/// <remarks>
/// Idempotent: a trial whose row already says Succeeded is not trained again, and every write is an upsert keyed by
/// (search, trial). A permanent training error fails the trial (recorded, returned) rather than the activity; storage
/// errors and transient native errors throw, so the orchestrator's retry policy takes over.
/// </remarks>
public sealed class TrainCandidateActivity(
    ISearchStore store,
    SearchSpecCache specs,
    ITrialEvaluator evaluator,
    TimeProvider time,
    ILogger<TrainCandidateActivity> logger)
    : TaskActivity<TrialTicket, TrialSummary>
{
    /// <inheritdoc />
    public override async Task<TrialSummary> RunAsync(TaskActivityContext context, TrialTicket input)
    {
        var existing = await store.GetTrialAsync(input.SearchId, input.TrialId);
        if (existing is { Status: TrialStatus.Succeeded })
        {
            return Summarize(existing);
        }

        var spec = await specs.GetAsync(input.SearchId);
        var running = new TrialRecord
        {
            SearchId = input.SearchId,
            TrialId = input.TrialId,
            Round = input.Round,
            Architecture = input.Architecture,
            Epochs = input.Epochs,
            DataFraction = input.DataFraction,
            Status = TrialStatus.Running,
            Host = Environment.MachineName,
            Attempt = (existing?.Attempt ?? 0) + 1,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpsertTrialAsync(running);

        TrialEvaluation evaluation;
        try
        {
            var architecture = spec.Space.Parse(input.Architecture);
            running = running with { ArchitectureJson = JsonSerializer.Serialize(architecture.Choices) };
            var fidelity = new Fidelity(input.Epochs, input.DataFraction);
            evaluation = await Task.Run(() => evaluator.Evaluate(spec, architecture, fidelity, input.Seed, CancellationToken.None));
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            logger.LogWarning(exception, "Trial {SearchId}/{TrialId} failed to train", input.SearchId, input.TrialId);
            var failed = running with { Status = TrialStatus.Failed, Error = exception.Message, UpdatedAt = time.GetUtcNow() };
            await store.UpsertTrialAsync(failed);
            return Summarize(failed);
        }

        string weights = await store.PutTrialWeightsAsync(input.SearchId, input.TrialId, evaluation.Weights);
        await store.PutTrialArchitectureAsync(input.SearchId, input.TrialId, running.ArchitectureJson!);
        var succeeded = running with
        {
            Status = TrialStatus.Succeeded,
            ValidationAccuracy = evaluation.ValidationAccuracy,
            TestAccuracy = evaluation.TestAccuracy,
            ValidationLoss = evaluation.ValidationLoss,
            Parameters = evaluation.Parameters,
            Flops = evaluation.Flops,
            LatencyMilliseconds = evaluation.LatencyMilliseconds,
            LatencyMillisecondsBatch64 = evaluation.LatencyMillisecondsBatch64,
            TrainSeconds = evaluation.TrainSeconds,
            WeightsBlob = weights,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpsertTrialAsync(succeeded);
        logger.LogInformation(
            "Trial {SearchId}/{TrialId} {Architecture}: validation {Accuracy:P2} in {Seconds:F1} s",
            input.SearchId, input.TrialId, input.Architecture, evaluation.ValidationAccuracy, evaluation.TrainSeconds);
        return Summarize(succeeded);
    }

    /// <summary>
    /// A failure that training again would repeat (a bad architecture, missing data) fails the trial. Native torch errors
    /// and exhausted memory may pass, so they fail the activity instead and the orchestrator's retry policy runs it again.
    /// </summary>
    private static bool IsPermanent(Exception exception) =>
        exception is not (OperationCanceledException or ExternalException or OutOfMemoryException);

    private static TrialSummary Summarize(TrialRecord trial) => new(
        trial.TrialId,
        trial.Architecture,
        trial.Epochs,
        trial.DataFraction,
        trial.Status == TrialStatus.Succeeded ? TrialSummary.Succeeded : TrialSummary.Failed,
        trial.ValidationAccuracy,
        trial.TestAccuracy,
        trial.Parameters,
        trial.TrainSeconds,
        trial.Error,
        trial.Flops,
        trial.LatencyMilliseconds);
}

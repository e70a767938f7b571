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
/// (search, trial). After each epoch the training's checkpoint is written to the trial's blobs, so an attempt that was
/// killed is resumed by the next from its last finished epoch; a promoted trial continues from the final checkpoint of the
/// trial it names. A permanent training error fails the trial (recorded, returned) rather than the activity; storage
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
        var start = await StartOfAsync(input, existing);
        var running = new TrialRecord
        {
            SearchId = input.SearchId,
            TrialId = input.TrialId,
            Round = input.Round,
            Architecture = input.Architecture,
            Epochs = input.Epochs,
            DataFraction = input.DataFraction,
            ContinuedFrom = input.ContinueFrom,
            StartEpoch = existing?.StartEpoch ?? start.SourceEpochs,
            EpochsDone = start.OwnEpochs ?? start.SourceEpochs,
            ResumedFromEpoch = start.OwnEpochs ?? existing?.ResumedFromEpoch,
            Status = TrialStatus.Running,
            Host = Environment.MachineName,
            Attempt = (existing?.Attempt ?? 0) + 1,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpsertTrialAsync(running);

        TrialEvaluation evaluation;
        try
        {
            if (start.Problem is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var architecture = spec.Space.Parse(input.Architecture);
            running = running with { ArchitectureJson = JsonSerializer.Serialize(architecture.Choices) };
            var fidelity = new Fidelity(input.Epochs, input.DataFraction);
            var checkpointing = start.Checkpointing with { AfterEpoch = epoch => SaveCheckpoint(running, epoch) };
            evaluation = await Task.Run(() => evaluator.Evaluate(spec, architecture, fidelity, input.Seed, checkpointing, CancellationToken.None));
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
            EpochsDone = evaluation.EpochsDone,
            StoppedEarly = evaluation.StoppedEarly,
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
    /// Where training starts: this trial's own last checkpoint when an earlier attempt left one (a restart), else the final
    /// checkpoint of the trial it continues (a promotion), else fresh weights.
    /// </summary>
    private async Task<TrainingStart> StartOfAsync(TrialTicket input, TrialRecord? existing)
    {
        if (await store.GetTrialCheckpointAsync(input.SearchId, input.TrialId) is { } own)
        {
            var epochs = existing?.EpochsDone;
            logger.LogInformation("Trial {SearchId}/{TrialId} resumes from its checkpoint after epoch {Epoch}", input.SearchId, input.TrialId, epochs);
            return new TrainingStart(new TrialCheckpointing { StartFrom = own }, epochs ?? 0, 0, null);
        }

        if (input.ContinueFrom is not { } source)
        {
            return new TrainingStart(TrialCheckpointing.None, null, 0, null);
        }

        var sourceTrial = await store.GetTrialAsync(input.SearchId, source);
        var sourceCheckpoint = await store.GetTrialCheckpointAsync(input.SearchId, source);
        if (sourceTrial is not { Status: TrialStatus.Succeeded } || sourceCheckpoint is null)
        {
            return new TrainingStart(TrialCheckpointing.None, null, 0, $"Trial '{source}' left no finished checkpoint to continue from.");
        }

        if (sourceTrial.Architecture != input.Architecture)
        {
            return new TrainingStart(
                TrialCheckpointing.None, null, 0, $"Trial '{source}' trained '{sourceTrial.Architecture}', not '{input.Architecture}'.");
        }

        var checkpointing = new TrialCheckpointing { StartFrom = sourceCheckpoint, ContinuesAnotherTrial = true };
        return new TrainingStart(checkpointing, null, sourceTrial.EpochsDone ?? sourceTrial.Epochs, null);
    }

    /// <summary>Stores an epoch's checkpoint, then the row's epoch count, before training goes on (runs on the training thread).</summary>
    private void SaveCheckpoint(TrialRecord running, EpochCheckpoint epoch)
    {
        store.PutTrialCheckpointAsync(running.SearchId, running.TrialId, epoch.Bytes).GetAwaiter().GetResult();
        store.UpsertTrialAsync(running with { EpochsDone = epoch.EpochsDone, UpdatedAt = time.GetUtcNow() }).GetAwaiter().GetResult();
    }

    /// <summary>How a training starts.</summary>
    /// <param name="Checkpointing">The checkpoint to start from, if any.</param>
    /// <param name="OwnEpochs">Epochs of this trial's own checkpoint when an attempt resumes; null otherwise.</param>
    /// <param name="SourceEpochs">Epochs of the continued trial's weights; 0 for a fresh start.</param>
    /// <param name="Problem">Why the trial cannot start (its source left nothing to continue from); null when it can.</param>
    private sealed record TrainingStart(TrialCheckpointing Checkpointing, int? OwnEpochs, int SourceEpochs, string? Problem);

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

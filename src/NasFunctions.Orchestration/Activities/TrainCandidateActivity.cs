using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NasFunctions.Evaluator.Training;
using NasFunctions.Orchestration.Contracts;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Storage;
using NasFunctions.Strategy;
using Polly;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Trains one candidate, uploads its weights, records its Trials row and returns a small summary.</summary>
/// <remarks>
/// Idempotent: a trial whose row already says Succeeded is not trained again, and every write is an upsert keyed by
/// (search, trial). After each epoch the training's checkpoint is written to the trial's blobs, so an attempt that was
/// killed is resumed by the next from its last finished epoch; a promoted trial continues from the final checkpoint of the
/// trial it names. A deterministic fault (bad data, out of memory, divergence, a bad network) fails the trial at once
/// (recorded with its category and a short sentence, returned) rather than the activity; transient errors (storage after
/// its in-place retries, native errors that are not allocations) throw, so the orchestrator's retry policy takes over.
/// The training stops at its next batch when its deadline passes, its row says stop or its search is terminated; when its
/// host stops (<see cref="TrainingShutdown"/>) it stops too and the attempt is left unfinished, to be redelivered and resumed.
/// </remarks>
public sealed class TrainCandidateActivity(
    ISearchStore store,
    SearchSpecCache specs,
    ITrialEvaluator evaluator,
    TimeProvider time,
    ILogger<TrainCandidateActivity> logger,
    EvaluatorHostOptions? host = null,
    TrainingShutdown? shutdown = null)
    : TaskActivity<TrialTicket, TrialSummary>
{
    private readonly TrainingShutdown _shutdown = shutdown ?? new TrainingShutdown();
    private readonly ResiliencePipeline _storageRetry = StorageRetry.Create(time);
    private readonly TimeSpan _stopCheck = (host ?? new EvaluatorHostOptions()).StopCheckInterval;

    /// <inheritdoc />
    public override async Task<TrialSummary> RunAsync(TaskActivityContext context, TrialTicket input)
    {
        var existing = await store.GetTrialAsync(input.SearchId, input.TrialId);
        if (existing is { Status: TrialStatus.Succeeded } or { StopRequested: true })
        {
            return Summarize(existing);
        }

        if (existing is { Status: TrialStatus.Running })
        {
            // A retry, or a zombie: an earlier attempt's host stopped mid-training (a replayed round, or a resume). This one takes over.
            logger.LogWarning(
                "Trial {SearchId}/{TrialId} was left Running by attempt {Attempt} on {Host} (a retry, or its host stopped); it is re-run from its last checkpoint",
                input.SearchId, input.TrialId, existing.Attempt, existing.Host);
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
        await WriteAsync(() => store.UpsertTrialAsync(running));
        if (start.Problem is { } problem)
        {
            return await FailAsync(running, TrialErrorCategory.Data, problem);
        }

        TrialEvaluation evaluation;
        await using (var stop = new TrialStopWatch(
            store, input.SearchId, input.TrialId, spec.Training.TrialTimeout, _stopCheck, time, logger))
        {
            try
            {
                var architecture = spec.Space.Parse(input.Architecture);
                running = running with { ArchitectureJson = JsonSerializer.Serialize(architecture.Choices) };
                var fidelity = new Fidelity(input.Epochs, input.DataFraction);
                using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, _shutdown.Token);
                var checkpointing = start.Checkpointing with { AfterEpoch = epoch => SaveCheckpoint(running, epoch, halt.Token) };
                evaluation = await Task.Run(() =>
                {
                    using var training = _shutdown.Enter();
                    return evaluator.Evaluate(spec, architecture, fidelity, input.Seed, checkpointing, halt.Token);
                });
                if (!TrialFaults.IsFinite(evaluation))
                {
                    throw new TrainingDivergedException(evaluation.EpochsDone, evaluation.ValidationLoss);
                }
            }
            catch (Exception) when (_shutdown.IsStopping && stop.Reason is null)
            {
                // The host stops: the training left native code at its last batch; the attempt reports nothing, so it is redelivered.
                logger.LogInformation("Trial {SearchId}/{TrialId} left unfinished: its host stops; it resumes from its last checkpoint", input.SearchId, input.TrialId);
                await _shutdown.Abandoned();
                throw;
            }
            catch (Exception) when (stop.Reason is { } reason)
            {
                // Told to stop: whatever ended the training (the token's OperationCanceledException, or a late fault), the stop is the verdict.
                logger.LogWarning("Trial {SearchId}/{TrialId} stopped: {Reason}", input.SearchId, input.TrialId, reason.Error);
                return await StoppedAsync(running, reason);
            }
            catch (Exception exception) when (TrialFaults.Classify(exception) is { } fault)
            {
                logger.LogWarning(exception, "Trial {SearchId}/{TrialId} failed ({Category})", input.SearchId, input.TrialId, fault.Category);
                return await FailAsync(running, fault.Category, fault.Error);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Trial {SearchId}/{TrialId} hit a transient fault; the attempt fails so it can be retried", input.SearchId, input.TrialId);
                throw;
            }
        }

        string weights = await WriteAsync(() => store.PutTrialWeightsAsync(input.SearchId, input.TrialId, evaluation.Weights));
        await WriteAsync(() => store.PutTrialArchitectureAsync(input.SearchId, input.TrialId, running.ArchitectureJson!));
        if (await store.GetTrialAsync(input.SearchId, input.TrialId) is { StopRequested: true } stopped)
        {
            return Summarize(stopped); // its timeout passed while the last steps ran: the row's verdict stands
        }

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
            Metric = evaluation.Translation?.Metric,
            ValidationBleu = evaluation.Translation?.Validation.BleuScore,
            ValidationWer = evaluation.Translation?.Validation.WordErrorRate,
            TestBleu = evaluation.Translation?.Test.BleuScore,
            TestChrF = evaluation.Translation?.Test.ChrF,
            TestWer = evaluation.Translation?.Test.WordErrorRate,
            TestPer = evaluation.Translation?.Test.TokenErrorRate,
            DecodedExamples = evaluation.Translation is { } translation ? DecodedExamplesJson.Of(translation.Examples) : null,
            WeightsBlob = weights,
            UpdatedAt = time.GetUtcNow(),
        };
        await WriteAsync(() => store.UpsertTrialAsync(succeeded));
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
    /// <remarks>Transient storage errors are retried here; the row is not written once the trial was told to stop.</remarks>
    private void SaveCheckpoint(TrialRecord running, EpochCheckpoint epoch, CancellationToken stop)
    {
        _storageRetry.ExecuteAsync(
            async token => await store.PutTrialCheckpointAsync(running.SearchId, running.TrialId, epoch.Bytes, token), stop)
            .AsTask().GetAwaiter().GetResult();
        stop.ThrowIfCancellationRequested();
        _storageRetry.ExecuteAsync(
            async token => await store.UpsertTrialAsync(running with { EpochsDone = epoch.EpochsDone, UpdatedAt = time.GetUtcNow() }, token), stop)
            .AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One storage write, retried in place on transient errors.</summary>
    private async Task WriteAsync(Func<Task> write) => await _storageRetry.ExecuteAsync(async _ => await write());

    /// <summary>One storage write with a result, retried in place on transient errors.</summary>
    private async Task<T> WriteAsync<T>(Func<Task<T>> write) => await _storageRetry.ExecuteAsync(async _ => await write());

    /// <summary>Records the trial as failed with its category and public sentence, and returns its summary.</summary>
    private async Task<TrialSummary> FailAsync(TrialRecord running, string category, string error, bool stopRequested = false)
    {
        var failed = running with
        {
            Status = TrialStatus.Failed,
            Error = error,
            ErrorCategory = category,
            StopRequested = stopRequested ? true : running.StopRequested,
            UpdatedAt = time.GetUtcNow(),
        };
        await WriteAsync(() => store.UpsertTrialAsync(failed));
        return Summarize(failed);
    }

    /// <summary>A training that stopped on its signal: the row StopTrial wrote stands; a deadline or a terminate is recorded here.</summary>
    private async Task<TrialSummary> StoppedAsync(TrialRecord running, TrialStopReason reason)
    {
        var current = await store.GetTrialAsync(running.SearchId, running.TrialId);
        if (current is { StopRequested: true })
        {
            return Summarize(current);
        }

        // The row keeps the epochs its checkpoint holds, so a resume starts from there and says so.
        return await FailAsync(running with { EpochsDone = current?.EpochsDone ?? running.EpochsDone }, reason.Category, reason.Error, stopRequested: true);
    }

    /// <summary>How a training starts.</summary>
    /// <param name="Checkpointing">The checkpoint to start from, if any.</param>
    /// <param name="OwnEpochs">Epochs of this trial's own checkpoint when an attempt resumes; null otherwise.</param>
    /// <param name="SourceEpochs">Epochs of the continued trial's weights; 0 for a fresh start.</param>
    /// <param name="Problem">Why the trial cannot start (its source left nothing to continue from); null when it can.</param>
    private sealed record TrainingStart(TrialCheckpointing Checkpointing, int? OwnEpochs, int SourceEpochs, string? Problem);

    /// <summary>The small summary of a trial's row that flows back to the orchestrator.</summary>
    internal static TrialSummary Summarize(TrialRecord trial) => new(
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
        trial.LatencyMilliseconds,
        trial.ErrorCategory);
}

using System.Runtime.InteropServices;
using Azure;
using NasFunctions.Evaluator.Training;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Sorts a training's exception into a transient fault (retried) or a deterministic one (the trial fails at once, categorized).</summary>
internal static class TrialFaults
{
    /// <summary>
    /// A failure that may pass: a storage or transport error (5xx, 408, 429, no response), an I/O error of the transport, or
    /// the storage client's own give-up (an AggregateException of each try's error) when every error in it may pass.
    /// </summary>
    public static bool IsTransientStorage(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransientStorage),
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException => true,
        FileNotFoundException or DirectoryNotFoundException or EndOfStreamException or PathTooLongException or FileLoadException => false,
        IOException => true,
        _ => false,
    };

    /// <summary>
    /// The category and public sentence of a deterministic fault, or null for a transient one (storage, a native error that
    /// is not an allocation, a cancellation that is not the trial's stop), which fails the attempt so the orchestrator retries it.
    /// </summary>
    public static (string Category, string Error)? Classify(Exception exception)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            return Classify(aggregate.InnerExceptions[0]);
        }

        return exception switch
        {
            _ when IsTransientStorage(exception) => null,
            TrainingDivergedException => (TrialErrorCategory.Diverged, TrialErrors.Diverged),
            OutOfMemoryException => (TrialErrorCategory.OutOfMemory, TrialErrors.OutOfMemory),
            ExternalException native when IsAllocationFailure(native.Message) => (TrialErrorCategory.OutOfMemory, TrialErrors.OutOfMemory),
            ExternalException or OperationCanceledException => null,
            InvalidDataException or FileNotFoundException or DirectoryNotFoundException or EndOfStreamException or UnauthorizedAccessException
                => (TrialErrorCategory.Data, TrialErrors.Data),
            _ => (TrialErrorCategory.Internal, TrialErrors.Internal),
        };
    }

    /// <summary>Whether a native error's text is libtorch's (or CUDA's) report of a failed allocation.</summary>
    public static bool IsAllocationFailure(string message) =>
        AllocationTexts.Any(text => message.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when every measured number of an evaluation is finite (a NaN or infinity means the training diverged).</summary>
    public static bool IsFinite(TrialEvaluation evaluation) =>
        double.IsFinite(evaluation.ValidationAccuracy)
        && double.IsFinite(evaluation.TestAccuracy)
        && double.IsFinite(evaluation.ValidationLoss)
        && double.IsFinite(evaluation.TrainSeconds)
        && double.IsFinite(evaluation.LatencyMilliseconds)
        && double.IsFinite(evaluation.LatencyMillisecondsBatch64);

    private static readonly string[] AllocationTexts =
        ["out of memory", "not enough memory", "can't allocate memory", "bad_alloc", "failed to allocate"];
}

using Polly;
using Polly.Retry;

namespace NasFunctions.Orchestration.Activities;

/// <summary>Retries a training's storage writes (checkpoints, weights, rows) in place on transient errors, before they count against the trial.</summary>
/// <remarks>4 retries after 0.5, 1, 2 and 4 s (with jitter), on top of the storage client's own; then the error fails the attempt.</remarks>
internal static class StorageRetry
{
    /// <summary>Retries after the first failure.</summary>
    public const int Retries = 4;

    /// <summary>The wait before the first retry, doubled before each next one.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>A pipeline that retries transient storage errors, waiting on <paramref name="time"/>.</summary>
    public static ResiliencePipeline Create(TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TrialFaults.IsTransientStorage),
                MaxRetryAttempts = Retries,
                Delay = FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}

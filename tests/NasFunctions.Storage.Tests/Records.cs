namespace NasFunctions.Storage.Tests;

/// <summary>Records with every field set, and with every optional field null.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Created = new(2025, 3, 4, 5, 6, 7, 891, TimeSpan.Zero);

    public static SearchRecord FullSearch(string id) => new()
    {
        SearchId = id,
        Name = "cells on fashion-mnist",
        Status = SearchStatus.Running,
        Strategy = "evolution",
        SpaceKind = "cell",
        Dataset = "fashion-mnist",
        CreatedAt = Created,
        UpdatedAt = Created.AddMinutes(5),
        Round = 3,
        RoundsPlanned = 10,
        TrialsDone = 24,
        TrialsFailed = 2,
        BestTrialId = "r0002-c05",
        BestArchitecture = "conv3x3|skip|maxpool",
        BestValidationAccuracy = 0.9134,
        BestTestAccuracy = 0.9051,
        ComputeSeconds = 1234.5,
        Error = "none yet",
        TerminateRequested = true,
    };

    public static SearchRecord BareSearch(string id) => new()
    {
        SearchId = id,
        Name = "bare",
        Status = SearchStatus.Pending,
        Strategy = "random",
        SpaceKind = "chain",
        Dataset = "digits",
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static TrialRecord FullTrial(string searchId, string trialId) => new()
    {
        SearchId = searchId,
        TrialId = trialId,
        Round = 2,
        Architecture = "conv3x3|skip|maxpool",
        ArchitectureJson = """{"ops":["conv3x3","skip","maxpool"]}""",
        Epochs = 12,
        DataFraction = 0.25,
        ContinuedFrom = "r0001-c04",
        StartEpoch = 4,
        EpochsDone = 11,
        ResumedFromEpoch = 7,
        StoppedEarly = true,
        Status = TrialStatus.Succeeded,
        ValidationAccuracy = 0.875,
        TestAccuracy = 0.86,
        ValidationLoss = 0.4321,
        Parameters = 5_000_000_123,
        Flops = 9_876_543_210,
        LatencyMilliseconds = 1.5,
        LatencyMillisecondsBatch64 = 0.25,
        Metric = "bleu",
        ValidationBleu = 21.5,
        ValidationWer = 80.25,
        TestBleu = 19.75,
        TestChrF = 48.5,
        TestWer = 82.0,
        TestPer = 31.125,
        DecodedExamples = """[{"source":"hello","reference":"HH AH L OW","hypothesis":"HH EH L OW"}]""",
        TrainSeconds = 42.0,
        WeightsBlob = $"{searchId}/trials/{trialId}/weights",
        Error = "retried once",
        ErrorCategory = TrialErrorCategory.Internal,
        StopRequested = true,
        Host = "gpu-worker-1",
        Attempt = 2,
        UpdatedAt = Created.AddSeconds(90),
    };

    public static TrialRecord BareTrial(string searchId, string trialId) => new()
    {
        SearchId = searchId,
        TrialId = trialId,
        Architecture = "skip",
        Status = TrialStatus.Running,
        UpdatedAt = Created,
    };
}

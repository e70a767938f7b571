using Azure.Data.Tables;
using static NasFunctions.Storage.Tables.EntityValues;

namespace NasFunctions.Storage.Tables;

/// <summary>Maps a <see cref="TrialRecord"/> to and from its Trials table row.</summary>
internal static class TrialEntity
{
    public static TableEntity From(TrialRecord trial)
    {
        var entity = new TableEntity(trial.SearchId, trial.TrialId);
        Set(entity, nameof(TrialRecord.Round), trial.Round);
        Set(entity, nameof(TrialRecord.Architecture), trial.Architecture);
        Set(entity, nameof(TrialRecord.ArchitectureJson), trial.ArchitectureJson);
        Set(entity, nameof(TrialRecord.Epochs), trial.Epochs);
        Set(entity, nameof(TrialRecord.DataFraction), trial.DataFraction);
        Set(entity, nameof(TrialRecord.ContinuedFrom), trial.ContinuedFrom);
        Set(entity, nameof(TrialRecord.StartEpoch), trial.StartEpoch);
        Set(entity, nameof(TrialRecord.EpochsDone), trial.EpochsDone);
        Set(entity, nameof(TrialRecord.ResumedFromEpoch), trial.ResumedFromEpoch);
        Set(entity, nameof(TrialRecord.StoppedEarly), trial.StoppedEarly);
        Set(entity, nameof(TrialRecord.Status), trial.Status);
        Set(entity, nameof(TrialRecord.ValidationAccuracy), trial.ValidationAccuracy);
        Set(entity, nameof(TrialRecord.TestAccuracy), trial.TestAccuracy);
        Set(entity, nameof(TrialRecord.ValidationLoss), trial.ValidationLoss);
        Set(entity, nameof(TrialRecord.Parameters), trial.Parameters);
        Set(entity, nameof(TrialRecord.Flops), trial.Flops);
        Set(entity, nameof(TrialRecord.LatencyMilliseconds), trial.LatencyMilliseconds);
        Set(entity, nameof(TrialRecord.LatencyMillisecondsBatch64), trial.LatencyMillisecondsBatch64);
        Set(entity, nameof(TrialRecord.Metric), trial.Metric);
        Set(entity, nameof(TrialRecord.ValidationBleu), trial.ValidationBleu);
        Set(entity, nameof(TrialRecord.ValidationWer), trial.ValidationWer);
        Set(entity, nameof(TrialRecord.TestBleu), trial.TestBleu);
        Set(entity, nameof(TrialRecord.TestChrF), trial.TestChrF);
        Set(entity, nameof(TrialRecord.TestWer), trial.TestWer);
        Set(entity, nameof(TrialRecord.TestPer), trial.TestPer);
        Set(entity, nameof(TrialRecord.DecodedExamples), trial.DecodedExamples);
        Set(entity, nameof(TrialRecord.TrainSeconds), trial.TrainSeconds);
        Set(entity, nameof(TrialRecord.WeightsBlob), trial.WeightsBlob);
        SetTruncated(entity, nameof(TrialRecord.Error), trial.Error, AzureSearchStore.MaxErrorLength);
        Set(entity, nameof(TrialRecord.ErrorCategory), trial.ErrorCategory);
        Set(entity, nameof(TrialRecord.StopRequested), trial.StopRequested);
        Set(entity, nameof(TrialRecord.Host), trial.Host);
        Set(entity, nameof(TrialRecord.Attempt), trial.Attempt);
        Set(entity, nameof(TrialRecord.UpdatedAt), trial.UpdatedAt);
        return entity;
    }

    public static TrialRecord To(TableEntity entity) => new()
    {
        SearchId = entity.PartitionKey,
        TrialId = entity.RowKey,
        Round = Int32(entity, nameof(TrialRecord.Round)) ?? 0,
        Architecture = RequiredString(entity, nameof(TrialRecord.Architecture)),
        ArchitectureJson = String(entity, nameof(TrialRecord.ArchitectureJson)),
        Epochs = Int32(entity, nameof(TrialRecord.Epochs)) ?? 0,
        DataFraction = Double(entity, nameof(TrialRecord.DataFraction)) ?? 1.0,
        ContinuedFrom = String(entity, nameof(TrialRecord.ContinuedFrom)),
        StartEpoch = Int32(entity, nameof(TrialRecord.StartEpoch)) ?? 0,
        EpochsDone = Int32(entity, nameof(TrialRecord.EpochsDone)),
        ResumedFromEpoch = Int32(entity, nameof(TrialRecord.ResumedFromEpoch)),
        StoppedEarly = Boolean(entity, nameof(TrialRecord.StoppedEarly)) ?? false,
        Status = RequiredString(entity, nameof(TrialRecord.Status)),
        ValidationAccuracy = Double(entity, nameof(TrialRecord.ValidationAccuracy)),
        TestAccuracy = Double(entity, nameof(TrialRecord.TestAccuracy)),
        ValidationLoss = Double(entity, nameof(TrialRecord.ValidationLoss)),
        Parameters = Int64(entity, nameof(TrialRecord.Parameters)),
        Flops = Int64(entity, nameof(TrialRecord.Flops)),
        LatencyMilliseconds = Double(entity, nameof(TrialRecord.LatencyMilliseconds)),
        LatencyMillisecondsBatch64 = Double(entity, nameof(TrialRecord.LatencyMillisecondsBatch64)),
        Metric = String(entity, nameof(TrialRecord.Metric)),
        ValidationBleu = Double(entity, nameof(TrialRecord.ValidationBleu)),
        ValidationWer = Double(entity, nameof(TrialRecord.ValidationWer)),
        TestBleu = Double(entity, nameof(TrialRecord.TestBleu)),
        TestChrF = Double(entity, nameof(TrialRecord.TestChrF)),
        TestWer = Double(entity, nameof(TrialRecord.TestWer)),
        TestPer = Double(entity, nameof(TrialRecord.TestPer)),
        DecodedExamples = String(entity, nameof(TrialRecord.DecodedExamples)),
        TrainSeconds = Double(entity, nameof(TrialRecord.TrainSeconds)),
        WeightsBlob = String(entity, nameof(TrialRecord.WeightsBlob)),
        Error = String(entity, nameof(TrialRecord.Error)),
        ErrorCategory = String(entity, nameof(TrialRecord.ErrorCategory)),
        StopRequested = Boolean(entity, nameof(TrialRecord.StopRequested)),
        Host = String(entity, nameof(TrialRecord.Host)),
        Attempt = Int32(entity, nameof(TrialRecord.Attempt)) ?? 1,
        UpdatedAt = RequiredDate(entity, nameof(TrialRecord.UpdatedAt)),
    };
}

using Azure.Data.Tables;
using static NasFunctions.Storage.Tables.EntityValues;

namespace NasFunctions.Storage.Tables;

/// <summary>Maps a <see cref="SearchRecord"/> to and from its Searches table row.</summary>
internal static class SearchEntity
{
    /// <summary>The one partition every search row lives in.</summary>
    public const string Partition = "search";

    public static TableEntity From(SearchRecord search)
    {
        var entity = new TableEntity(Partition, search.SearchId);
        Set(entity, nameof(SearchRecord.Name), search.Name);
        Set(entity, nameof(SearchRecord.Status), search.Status);
        Set(entity, nameof(SearchRecord.Strategy), search.Strategy);
        Set(entity, nameof(SearchRecord.SpaceKind), search.SpaceKind);
        Set(entity, nameof(SearchRecord.Dataset), search.Dataset);
        Set(entity, nameof(SearchRecord.CreatedAt), search.CreatedAt);
        Set(entity, nameof(SearchRecord.UpdatedAt), search.UpdatedAt);
        Set(entity, nameof(SearchRecord.Round), search.Round);
        Set(entity, nameof(SearchRecord.RoundsPlanned), search.RoundsPlanned);
        Set(entity, nameof(SearchRecord.TrialsDone), search.TrialsDone);
        Set(entity, nameof(SearchRecord.TrialsFailed), search.TrialsFailed);
        Set(entity, nameof(SearchRecord.BestTrialId), search.BestTrialId);
        Set(entity, nameof(SearchRecord.BestArchitecture), search.BestArchitecture);
        Set(entity, nameof(SearchRecord.BestValidationAccuracy), search.BestValidationAccuracy);
        Set(entity, nameof(SearchRecord.BestTestAccuracy), search.BestTestAccuracy);
        Set(entity, nameof(SearchRecord.ComputeSeconds), search.ComputeSeconds);
        SetTruncated(entity, nameof(SearchRecord.Error), search.Error, AzureSearchStore.MaxErrorLength);
        Set(entity, nameof(SearchRecord.TerminateRequested), search.TerminateRequested);
        Set(entity, nameof(SearchRecord.CancelRequested), search.CancelRequested);
        Set(entity, nameof(SearchRecord.StoppedBy), search.StoppedBy);
        Set(entity, nameof(SearchRecord.WallClockSeconds), search.WallClockSeconds);
        Set(entity, nameof(SearchRecord.Resumes), search.Resumes);
        return entity;
    }

    public static SearchRecord To(TableEntity entity) => new()
    {
        SearchId = entity.RowKey,
        Name = RequiredString(entity, nameof(SearchRecord.Name)),
        Status = RequiredString(entity, nameof(SearchRecord.Status)),
        Strategy = RequiredString(entity, nameof(SearchRecord.Strategy)),
        SpaceKind = RequiredString(entity, nameof(SearchRecord.SpaceKind)),
        Dataset = RequiredString(entity, nameof(SearchRecord.Dataset)),
        CreatedAt = RequiredDate(entity, nameof(SearchRecord.CreatedAt)),
        UpdatedAt = RequiredDate(entity, nameof(SearchRecord.UpdatedAt)),
        Round = Int32(entity, nameof(SearchRecord.Round)) ?? 0,
        RoundsPlanned = Int32(entity, nameof(SearchRecord.RoundsPlanned)),
        TrialsDone = Int32(entity, nameof(SearchRecord.TrialsDone)) ?? 0,
        TrialsFailed = Int32(entity, nameof(SearchRecord.TrialsFailed)) ?? 0,
        BestTrialId = String(entity, nameof(SearchRecord.BestTrialId)),
        BestArchitecture = String(entity, nameof(SearchRecord.BestArchitecture)),
        BestValidationAccuracy = Double(entity, nameof(SearchRecord.BestValidationAccuracy)),
        BestTestAccuracy = Double(entity, nameof(SearchRecord.BestTestAccuracy)),
        ComputeSeconds = Double(entity, nameof(SearchRecord.ComputeSeconds)) ?? 0,
        Error = String(entity, nameof(SearchRecord.Error)),
        TerminateRequested = Boolean(entity, nameof(SearchRecord.TerminateRequested)),
        CancelRequested = Boolean(entity, nameof(SearchRecord.CancelRequested)),
        StoppedBy = String(entity, nameof(SearchRecord.StoppedBy)),
        WallClockSeconds = Double(entity, nameof(SearchRecord.WallClockSeconds)) ?? 0,
        Resumes = Int32(entity, nameof(SearchRecord.Resumes)) ?? 0,
    };
}

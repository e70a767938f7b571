namespace NasFunctions.Storage;

/// <summary>Where a search's spec, controller state, trial weights, reports and its Searches/Trials rows are kept.</summary>
/// <remarks>Every write is an overwrite (upsert), so repeating one (an activity replayed after a crash) is harmless.</remarks>
public interface ISearchStore
{
    /// <summary>Creates the container and both tables when missing; safe to call any number of times.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the search spec JSON (<see cref="BlobPaths.Spec"/>).</summary>
    Task PutSpecAsync(string searchId, string json, CancellationToken cancellationToken = default);

    /// <summary>Reads the search spec JSON; null when none was written.</summary>
    Task<string?> GetSpecAsync(string searchId, CancellationToken cancellationToken = default);

    /// <summary>Writes the controller state JSON after <paramref name="round"/> (<see cref="BlobPaths.ControllerState"/>).</summary>
    Task PutControllerStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default);

    /// <summary>Reads the controller state JSON after <paramref name="round"/>; null when none was written.</summary>
    Task<string?> GetControllerStateAsync(string searchId, int round, CancellationToken cancellationToken = default);

    /// <summary>Writes the controller state JSON right after it proposed <paramref name="round"/> (<see cref="BlobPaths.ProposedState"/>).</summary>
    Task PutProposedStateAsync(string searchId, int round, string json, CancellationToken cancellationToken = default);

    /// <summary>Reads the controller state JSON right after it proposed <paramref name="round"/>; null when none was written.</summary>
    Task<string?> GetProposedStateAsync(string searchId, int round, CancellationToken cancellationToken = default);

    /// <summary>Writes a trial's weights and returns the blob's name (for <see cref="TrialRecord.WeightsBlob"/>).</summary>
    Task<string> PutTrialWeightsAsync(string searchId, string trialId, ReadOnlyMemory<byte> weights, CancellationToken cancellationToken = default);

    /// <summary>Writes a trial's weights from a stream (read to its end) and returns the blob's name.</summary>
    Task<string> PutTrialWeightsAsync(string searchId, string trialId, Stream weights, CancellationToken cancellationToken = default);

    /// <summary>Opens a trial's weights for reading (the caller disposes the stream); null when none were written.</summary>
    Task<Stream?> OpenTrialWeightsAsync(string searchId, string trialId, CancellationToken cancellationToken = default);

    /// <summary>Writes (replaces) a trial's training checkpoint (<see cref="BlobPaths.TrialCheckpoint"/>).</summary>
    Task PutTrialCheckpointAsync(string searchId, string trialId, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Reads a trial's last training checkpoint; null when none was written.</summary>
    Task<byte[]?> GetTrialCheckpointAsync(string searchId, string trialId, CancellationToken cancellationToken = default);

    /// <summary>Writes a trial's architecture JSON (<see cref="BlobPaths.TrialArchitecture"/>).</summary>
    Task PutTrialArchitectureAsync(string searchId, string trialId, string json, CancellationToken cancellationToken = default);

    /// <summary>Reads a trial's architecture JSON; null when none was written.</summary>
    Task<string?> GetTrialArchitectureAsync(string searchId, string trialId, CancellationToken cancellationToken = default);

    /// <summary>Writes a report artefact and returns the blob's name; the content type is guessed from the name when not given.</summary>
    Task<string> PutReportAsync(string searchId, string name, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a report artefact from a stream and returns the blob's name.</summary>
    Task<string> PutReportAsync(string searchId, string name, Stream content, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a report artefact for reading (the caller disposes the stream); null when none was written.</summary>
    Task<Stream?> OpenReportAsync(string searchId, string name, CancellationToken cancellationToken = default);

    /// <summary>Writes the search's row, replacing every field of an existing one.</summary>
    Task UpsertSearchAsync(SearchRecord search, CancellationToken cancellationToken = default);

    /// <summary>Reads a search's row; null when there is none.</summary>
    Task<SearchRecord?> GetSearchAsync(string searchId, CancellationToken cancellationToken = default);

    /// <summary>Reads every search's row, ordered by search id.</summary>
    Task<IReadOnlyList<SearchRecord>> ListSearchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a trial's row, replacing every field of an existing one.</summary>
    Task UpsertTrialAsync(TrialRecord trial, CancellationToken cancellationToken = default);

    /// <summary>Reads a trial's row; null when there is none.</summary>
    Task<TrialRecord?> GetTrialAsync(string searchId, string trialId, CancellationToken cancellationToken = default);

    /// <summary>Reads every trial row of one search, ordered by trial id.</summary>
    Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(string searchId, CancellationToken cancellationToken = default);

    /// <summary>Removes a search that never started: its Searches row and every blob under its prefix; missing ones are fine.</summary>
    Task DeleteSearchAsync(string searchId, CancellationToken cancellationToken = default);
}

using NasFunctions.Evaluator.Data;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>How one host runs trainings: how many at once, on how many threads, and on how much evaluation data.</summary>
public sealed class EvaluatorHostOptions
{
    /// <summary>Trainings this process runs at once; more wait (default 2, matching the local host's activity slots).</summary>
    public int TrainingSlots { get; set; } = 2;

    /// <summary>Torch threads per training when the spec leaves it to the host; 0 = cores divided by slots (default 0).</summary>
    public int ThreadsPerTraining { get; set; }

    /// <summary>Caps the validation split (first N after the seeded split); null keeps it whole (default null).</summary>
    public int? ValidationLimit { get; set; }

    /// <summary>Caps the test split (first N); null keeps it whole (default null).</summary>
    public int? TestLimit { get; set; }

    /// <summary>Folder this host keeps data sets downloaded from Blob Storage (<c>blob:</c> paths) in; null: <c>nas-datasets</c> in the temp folder.</summary>
    public string? DatasetCacheFolder { get; set; }

    /// <summary>
    /// Bytes of data sets this process keeps in memory (files read once per location, splits as views of them); past it the
    /// least recently used are forgotten. Default 4 GiB (<see cref="DatasetCache.DefaultCapacityBytes"/>).
    /// </summary>
    public long DatasetCacheBytes { get; set; } = DatasetCache.DefaultCapacityBytes;

    /// <summary>How often a running training reads its Trials row and its Searches row for a stop (its timeout, a terminate); 10 ms to 1 min (default 2 s).</summary>
    public TimeSpan StopCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Folders a spec's local <c>dataset.path</c> may point into (absolute; links resolved); null: only Debian's
    /// <c>/usr/share/datasets</c> (the local host adds its own <c>.nas/data</c>). Other paths are refused with a 400.
    /// </summary>
    public string[]? DataRoots { get; set; }

    /// <summary>Most bytes the files of one local data set may hold together (default 4 GiB; CIFAR-10 is about 180 MB).</summary>
    public long MaxDatasetBytes { get; set; } = 4L << 30;

    /// <summary>The roots in force: <see cref="DataRoots"/>, or Debian's data-set folder.</summary>
    public IReadOnlyList<string> EffectiveDataRoots => DataRoots ?? [Evaluator.Data.DataRoots.DebianDatasets];

    /// <summary>The threads a training gets when the spec says 0.</summary>
    public int EffectiveThreads => ThreadsPerTraining > 0 ? ThreadsPerTraining : Math.Max(1, Environment.ProcessorCount / Math.Max(1, TrainingSlots));

    /// <summary>Returns every problem with these settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TrainingSlots < 1)
        {
            errors.Add("TrainingSlots must be at least 1.");
        }

        if (ThreadsPerTraining < 0)
        {
            errors.Add("ThreadsPerTraining must be 0 (automatic) or more.");
        }

        if (ValidationLimit is < 1 || TestLimit is < 1)
        {
            errors.Add("ValidationLimit and TestLimit must be at least 1 when set.");
        }

        if (DatasetCacheBytes < 1)
        {
            errors.Add("DatasetCacheBytes must be at least 1.");
        }

        if (StopCheckInterval < TimeSpan.FromMilliseconds(10) || StopCheckInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add("StopCheckInterval must be from 10 ms to 1 minute.");
        }

        if (DatasetCacheFolder is not null && string.IsNullOrWhiteSpace(DatasetCacheFolder))
        {
            errors.Add("DatasetCacheFolder must be null (the temp folder) or a folder name, not blank.");
        }

        if (DataRoots is not null && DataRoots.Any(root => string.IsNullOrWhiteSpace(root) || !Path.IsPathFullyQualified(root)))
        {
            errors.Add("DataRoots must list absolute folders.");
        }

        if (MaxDatasetBytes < 1)
        {
            errors.Add("MaxDatasetBytes must be at least 1.");
        }

        return errors;
    }
}

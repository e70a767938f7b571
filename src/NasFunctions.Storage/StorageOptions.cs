namespace NasFunctions.Storage;

/// <summary>Which storage account the search store uses, the names of its container and tables, and the data-set container.</summary>
public sealed class StorageOptions
{
    /// <summary>Default blob container: <c>searches</c>.</summary>
    public const string DefaultContainer = "searches";

    /// <summary>Default blob container of cloud-side data sets (<c>blob:</c> paths in a spec): <c>datasets</c>.</summary>
    public const string DefaultDatasetsContainer = "datasets";

    /// <summary>Default table of search rows: <c>Searches</c>.</summary>
    public const string DefaultSearchesTable = "Searches";

    /// <summary>Default table of trial rows: <c>Trials</c>.</summary>
    public const string DefaultTrialsTable = "Trials";

    /// <summary>Storage account connection string. Required unless <see cref="Connection"/> is set; no default (Azurite's or <c>UseDevelopmentStorage=true</c> locally).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The account's connection (an identity-based one in Azure); when set, <see cref="ConnectionString"/> is not used. Default null.</summary>
    public StorageConnection? Connection { get; set; }

    /// <summary>Blob container holding specs, controller state, weights and reports. Default <c>searches</c>.</summary>
    public string Container { get; set; } = DefaultContainer;

    /// <summary>Blob container a spec's <c>blob:PREFIX</c> data set paths are read from. Default <c>datasets</c>.</summary>
    public string DatasetsContainer { get; set; } = DefaultDatasetsContainer;

    /// <summary>Table with one row per search (PartitionKey <c>search</c>, RowKey searchId). Default <c>Searches</c>.</summary>
    public string SearchesTable { get; set; } = DefaultSearchesTable;

    /// <summary>Table with one row per trial (PartitionKey searchId, RowKey trialId). Default <c>Trials</c>.</summary>
    public string TrialsTable { get; set; } = DefaultTrialsTable;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Connection is null && string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{nameof(ConnectionString)} is required.");
        }

        foreach (var (name, value) in new[] { (nameof(Container), Container), (nameof(DatasetsContainer), DatasetsContainer) })
        {
            if (!StorageNames.IsValidContainer(value))
            {
                problems.Add($"{name} '{value}' is not a valid container name "
                    + "(3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).");
            }
        }

        foreach (var (name, value) in new[] { (nameof(SearchesTable), SearchesTable), (nameof(TrialsTable), TrialsTable) })
        {
            if (!StorageNames.IsValidTable(value))
            {
                problems.Add($"{name} '{value}' is not a valid table name (3-63 letters and digits, starting with a letter).");
            }
        }

        if (string.Equals(SearchesTable, TrialsTable, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{nameof(SearchesTable)} and {nameof(TrialsTable)} must differ.");
        }

        return problems;
    }

    /// <summary>The connection clients are made from: <see cref="Connection"/>, else one by <see cref="ConnectionString"/>.</summary>
    public StorageConnection ResolveConnection() => Connection ?? StorageConnection.FromConnectionString(ConnectionString);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid storage options: " + string.Join(" ", problems));
        }
    }
}

using Microsoft.Extensions.Configuration;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration;

/// <summary>A host's storage and training settings from configuration: section <c>Nas:Storage</c> and <c>Nas:Evaluator</c>.</summary>
/// <remarks>
/// As app settings (environment variables) they read <c>Nas__Storage__DatasetsContainer</c>, <c>Nas__Evaluator__TrainingSlots</c>
/// and so on, with the property names of <see cref="StorageOptions"/> and <see cref="EvaluatorHostOptions"/>; absent ones keep
/// their documented defaults. The storage connection comes from the host (<see cref="ReadConnection"/>), not from this section.
/// </remarks>
public static class HostSettings
{
    /// <summary>The configuration section the settings live under.</summary>
    public const string Section = "Nas";

    /// <summary>The app's own storage connection setting: <c>NasStorage</c>.</summary>
    public const string StorageConnectionName = "NasStorage";

    /// <summary>The Functions host's storage connection (also the durable task hub's): <c>AzureWebJobsStorage</c>.</summary>
    public const string HostStorageConnectionName = "AzureWebJobsStorage";

    /// <summary>Reads and validates both settings; the connection string is the host's.</summary>
    /// <exception cref="InvalidOperationException">
    /// A setting is unknown, unreadable or out of range; the message lists the problems (binding a section stops at its first).
    /// </exception>
    public static (StorageOptions Storage, EvaluatorHostOptions Evaluator) Read(IConfiguration configuration, string connectionString) =>
        Read(configuration, StorageConnection.FromConnectionString(connectionString));

    /// <summary>
    /// Reads and validates both settings on the host's <paramref name="connection"/>; <paramref name="trainingSlots"/> is the host's
    /// own default for <see cref="EvaluatorHostOptions.TrainingSlots"/> (a <c>Nas:Evaluator:TrainingSlots</c> setting wins).
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is unknown, unreadable or out of range; the message lists the problems.</exception>
    public static (StorageOptions Storage, EvaluatorHostOptions Evaluator) Read(
        IConfiguration configuration, StorageConnection connection, int? trainingSlots = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(connection);
        var storage = new StorageOptions();
        var evaluator = new EvaluatorHostOptions();
        if (trainingSlots is { } slots)
        {
            evaluator.TrainingSlots = slots;
        }

        var problems = new List<string>();
        Bind(configuration.GetSection($"{Section}:Storage"), storage, problems);
        Bind(configuration.GetSection($"{Section}:Evaluator"), evaluator, problems);
        storage.ConnectionString = connection.ConnectionString ?? string.Empty;
        storage.Connection = connection;
        problems.AddRange(storage.Problems().Select(p => $"{Section}:Storage: {p}"));
        problems.AddRange(evaluator.Validate().Select(p => $"{Section}:Evaluator: {p}"));
        return problems.Count == 0
            ? (storage, evaluator)
            : throw new InvalidOperationException("Invalid host settings: " + string.Join(" ", problems));
    }

    /// <summary>Reads and validates the price table (section <c>Nas:Cost</c>); absent settings keep <see cref="CostOptions"/>' defaults.</summary>
    /// <exception cref="InvalidOperationException">A setting is unknown, unreadable or out of range; the message lists the problems.</exception>
    public static CostOptions ReadCost(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cost = new CostOptions();
        var problems = new List<string>();
        Bind(configuration.GetSection($"{Section}:Cost"), cost, problems);
        problems.AddRange(cost.Validate().Select(p => $"{Section}:Cost: {p}"));
        return problems.Count == 0 ? cost : throw new InvalidOperationException("Invalid host settings: " + string.Join(" ", problems));
    }

    /// <summary>
    /// The storage connection under the first of <paramref name="names"/> that is set, in the form Azure Functions uses: the
    /// setting itself is a connection string, or <c>NAME__accountName</c> / <c>NAME__blobServiceUri</c>, <c>NAME__credential</c>
    /// and <c>NAME__clientId</c> (<see cref="StorageConnectionSettings"/>) describe an identity-based one.
    /// </summary>
    /// <exception cref="InvalidOperationException">None is set, or the first one set is not a usable connection.</exception>
    public static StorageConnection ReadConnection(IConfiguration configuration, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (string name in names)
        {
            var section = configuration.GetSection(name);
            bool hasString = !string.IsNullOrWhiteSpace(section.Value);
            bool hasIdentity = section.GetChildren().Any();
            if (hasString && hasIdentity)
            {
                throw new InvalidOperationException(
                    $"Invalid storage connection: set either {name} (a connection string) or its identity-based settings ({name}__accountName, ...), not both.");
            }

            if (hasString)
            {
                return StorageConnection.FromConnectionString(section.Value!);
            }

            if (hasIdentity)
            {
                var identity = new StorageConnectionSettings();
                var problems = new List<string>();
                Bind(section, identity, problems);
                problems.AddRange(identity.Problems().Select(p => $"{name}: {p}"));
                return problems.Count == 0
                    ? identity.ToConnection()
                    : throw new InvalidOperationException("Invalid storage connection: " + string.Join(" ", problems));
            }
        }

        throw new InvalidOperationException(
            $"Set {string.Join(" or ", names)} to a storage connection string, or {names.FirstOrDefault()}__accountName (with __credential and __clientId) for managed identity.");
    }

    private static void Bind(IConfigurationSection section, object options, List<string> problems)
    {
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{section.Path}: {e.Message}");
        }
    }
}

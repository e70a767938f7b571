using Microsoft.Extensions.Configuration;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration;

/// <summary>A host's storage and training settings from configuration: section <c>Nas:Storage</c> and <c>Nas:Evaluator</c>.</summary>
/// <remarks>
/// As app settings (environment variables) they read <c>Nas__Storage__DatasetsContainer</c>, <c>Nas__Evaluator__TrainingSlots</c>
/// and so on, with the property names of <see cref="StorageOptions"/> and <see cref="EvaluatorHostOptions"/>; absent ones keep
/// their documented defaults. The connection string comes from the host, not from this section.
/// </remarks>
public static class HostSettings
{
    /// <summary>The configuration section the settings live under.</summary>
    public const string Section = "Nas";

    /// <summary>Reads and validates both settings; the connection string is the host's.</summary>
    /// <exception cref="InvalidOperationException">
    /// A setting is unknown, unreadable or out of range; the message lists the problems (binding a section stops at its first).
    /// </exception>
    public static (StorageOptions Storage, EvaluatorHostOptions Evaluator) Read(IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = new StorageOptions();
        var evaluator = new EvaluatorHostOptions();
        var problems = new List<string>();
        Bind(configuration.GetSection($"{Section}:Storage"), storage, problems);
        Bind(configuration.GetSection($"{Section}:Evaluator"), evaluator, problems);
        storage.ConnectionString = connectionString;
        problems.AddRange(storage.Problems().Select(p => $"{Section}:Storage: {p}"));
        problems.AddRange(evaluator.Validate().Select(p => $"{Section}:Evaluator: {p}"));
        return problems.Count == 0
            ? (storage, evaluator)
            : throw new InvalidOperationException("Invalid host settings: " + string.Join(" ", problems));
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

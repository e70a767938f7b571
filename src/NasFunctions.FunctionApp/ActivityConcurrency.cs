using Microsoft.Extensions.Configuration;

namespace NasFunctions.FunctionApp;

/// <summary>How many activities the Functions host runs at once in this process: the durable extension's <c>maxConcurrentActivityFunctions</c>.</summary>
/// <remarks>
/// The host reads it from host.json (<c>extensions.durableTask.maxConcurrentActivityFunctions</c>) unless the app setting
/// <c>AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions</c> overrides it; the worker sees both the
/// same way, so its training slots can match the activities it will be handed.
/// </remarks>
public static class ActivityConcurrency
{
    /// <summary>The setting's path inside host.json.</summary>
    public const string HostJsonKey = "extensions:durableTask:maxConcurrentActivityFunctions";

    /// <summary>The app setting that overrides host.json (as configuration: <c>AzureFunctionsJobHost:...</c>).</summary>
    public const string OverrideKey = "AzureFunctionsJobHost:" + HostJsonKey;

    /// <summary>The durable extension's default when neither sets it: 10 per processor.</summary>
    public static int Default => 10 * Environment.ProcessorCount;

    /// <summary>The activity concurrency from the override setting, else from the host.json at <paramref name="hostJsonPath"/>, else <see cref="Default"/>.</summary>
    /// <exception cref="InvalidOperationException">The value set is not a whole number of at least 1.</exception>
    public static int Read(IConfiguration configuration, string hostJsonPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? value = configuration[OverrideKey];
        string source = OverrideKey.Replace(":", "__", StringComparison.Ordinal);
        if (value is null && File.Exists(hostJsonPath))
        {
            value = new ConfigurationBuilder().AddJsonFile(hostJsonPath, optional: false).Build()[HostJsonKey];
            source = "host.json " + HostJsonKey.Replace(':', '.');
        }

        if (value is null)
        {
            return Default;
        }

        return int.TryParse(value, out int concurrency) && concurrency >= 1
            ? concurrency
            : throw new InvalidOperationException($"{source} must be a whole number of at least 1, not '{value}'.");
    }
}

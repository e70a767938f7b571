using Microsoft.Extensions.Logging;

namespace NasFunctions.FunctionApp;

/// <summary>The worker's default log levels: warnings from the Azure SDK and DurableTask, information from the app.</summary>
/// <remarks>host.json sets the same levels for the Functions host's own categories; a <c>Logging</c> setting still overrides both.</remarks>
public static class QuietLogging
{
    /// <summary>Category prefixes logged from <see cref="LogLevel.Warning"/> up: the Azure SDK (every storage request at Information) and DurableTask.</summary>
    public static IReadOnlyList<string> WarningCategories { get; } = ["Azure", "DurableTask", "Microsoft.DurableTask"];

    /// <summary>The app's own category prefix, logged from <see cref="LogLevel.Information"/> up.</summary>
    public const string AppCategory = "NasFunctions";

    /// <summary>Adds the filters to <paramref name="logging"/>.</summary>
    public static ILoggingBuilder AddQuietDefaults(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        foreach (string category in WarningCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging.AddFilter(AppCategory, LogLevel.Information);
    }
}

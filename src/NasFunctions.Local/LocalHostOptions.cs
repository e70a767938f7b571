using Microsoft.Extensions.Logging;
using NasFunctions.Local.Durable;
using NasFunctions.Orchestration.Evaluation;

namespace NasFunctions.Local;

/// <summary>Settings of the local host: where it listens, which storage it uses, and how it runs trials.</summary>
public sealed class LocalHostOptions
{
    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one (default 7071, as <c>func start</c>).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Storage connection string; null starts the project's own Azurite (default null, or <c>NAS_STORAGE</c>).</summary>
    public string? ConnectionString { get; set; } = Environment.GetEnvironmentVariable("NAS_STORAGE");

    /// <summary>
    /// The data folder: where a started Azurite keeps its data, which this host locks for itself and where it journals
    /// accepted searches; null keeps the data in memory (default null).
    /// </summary>
    public string? AzuriteLocation { get; set; }

    /// <summary>Whether this process runs orchestrations and activities, or only serves and reads (default true).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Lowest log level written to the console (default Warning).</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;

    /// <summary>The durable engine's settings.</summary>
    public DurableEngineOptions Durable { get; set; } = new();

    /// <summary>How this host trains.</summary>
    public EvaluatorHostOptions Evaluator { get; set; } = new();
}

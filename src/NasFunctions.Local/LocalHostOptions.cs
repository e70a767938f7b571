using System.Net;
using Microsoft.Extensions.Logging;
using NasFunctions.Evaluator.Data;
using NasFunctions.Local.Cli;
using NasFunctions.Local.Durable;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Evaluation;

namespace NasFunctions.Local;

/// <summary>Settings of the local host: where it listens, which storage it uses, and how it runs trials.</summary>
public sealed class LocalHostOptions
{
    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one (default 7071, as <c>func start</c>).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>
    /// IP address the HTTP API listens on (default <c>127.0.0.1</c>). Any address that is not loopback needs an
    /// <see cref="ApiKey"/>; on loopback the host also refuses requests whose Host header is not its own loopback name and port.
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>A key every request must carry (<c>x-api-key</c> or <c>Authorization: Bearer</c>); null: none (default null, or <c>NAS_API_KEY</c>).</summary>
    public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable("NAS_API_KEY") is { Length: > 0 } key ? key : null;

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

    /// <summary>How this host trains; its data roots default to the project's <c>.nas/data</c> and Debian's <c>/usr/share/datasets</c>.</summary>
    public EvaluatorHostOptions Evaluator { get; set; } = new() { DataRoots = [NasHome.DataFolder, DataRoots.DebianDatasets] };

    /// <summary>The price table of estimated costs; null reads <c>Nas__Cost__*</c> from the environment, else <see cref="CostOptions"/>' defaults (default null).</summary>
    public CostOptions? Cost { get; set; }

    /// <summary>Whether <see cref="BindAddress"/> is a loopback address.</summary>
    public bool IsLoopback => IPAddress.TryParse(BindAddress, out var address) && IPAddress.IsLoopback(address);

    /// <summary>Throws when the settings cannot be served: an address that is no IP, or a non-loopback bind without a key.</summary>
    /// <exception cref="ArgumentException">The message says what to change.</exception>
    public void Validate()
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            throw new ArgumentException($"The bind address must be an IP address (default 127.0.0.1), not '{BindAddress}'.");
        }

        if (!IsLoopback && ApiKey is null)
        {
            throw new ArgumentException(
                $"Listening on {BindAddress} (not loopback) needs an API key: pass --api-key or set NAS_API_KEY.");
        }
    }
}

namespace NasFunctions.Storage.Emulator;

/// <summary>A script node preloads before Azurite so that Azurite stops when its parent goes, however the parent ends.</summary>
/// <remarks>
/// The parent holds the only write end of Azurite's stdin; when the parent exits (even killed), stdin reaches its end and the
/// script sends Azurite SIGTERM. On any SIGTERM it also lets go of stdin and exits after a grace period, since Azurite's own
/// handler only closes its servers and may leave the process running. When <c>NAS_AZURITE_SAVE_MS</c> is set, it also
/// shortens the autosave interval of Azurite's LokiJS metadata stores (Azurite's own is 5 s) before Azurite creates them.
/// </remarks>
internal static class AzuriteWatchdog
{
    private const string Script = """
        'use strict';
        const saveMs = Number(process.env.NAS_AZURITE_SAVE_MS || 0);
        if (saveMs > 0) {
          try {
            const loki = require('module').createRequire(process.argv[1])('lokijs');
            const configure = loki.prototype.configureOptions;
            loki.prototype.configureOptions = function (options, initialConfig) {
              const changed = options && options.autosave ? Object.assign({}, options, { autosaveInterval: saveMs }) : options;
              return configure.call(this, changed, initialConfig);
            };
          } catch (error) {
            console.error('nas: Azurite keeps its own save interval: ' + error.message);
          }
        }
        const graceMs = 3000;
        process.on('SIGTERM', () => {
          process.stdin.destroy();
          setTimeout(() => process.exit(0), graceMs).unref();
        });
        const stop = () => process.kill(process.pid, 'SIGTERM');
        process.stdin.on('end', stop);
        process.stdin.on('error', stop);
        process.stdin.resume();
        """;

    /// <summary>The environment variable that carries the save interval in milliseconds to the script.</summary>
    public const string SaveIntervalVariable = "NAS_AZURITE_SAVE_MS";

    /// <summary>Writes the script to a new temporary file and returns its path (the caller deletes it).</summary>
    public static string WriteScript()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nasfunctions-azurite-watchdog-{Guid.NewGuid():N}.js");
        File.WriteAllText(path, Script);
        return path;
    }
}

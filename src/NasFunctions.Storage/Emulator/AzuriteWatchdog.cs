namespace NasFunctions.Storage.Emulator;

/// <summary>A script node preloads before Azurite so that Azurite stops when its parent goes, however the parent ends.</summary>
/// <remarks>
/// The parent holds the only write end of Azurite's stdin; when the parent exits (even killed), stdin reaches its end and the
/// script sends Azurite SIGTERM. On any SIGTERM it also lets go of stdin and exits after a grace period, since Azurite's own
/// handler only closes its servers and may leave the process running; before that exit it saves Azurite's LokiJS metadata
/// stores, whose save Azurite's close can hold back behind a garbage-collection pass. When <c>NAS_AZURITE_SAVE_MS</c> is
/// set, it also shortens those stores' autosave interval (Azurite's own is 5 s).
/// </remarks>
internal static class AzuriteWatchdog
{
    private const string Script = """
        'use strict';
        // Azurite's metadata stores (LokiJS): remembered, so a grace exit can save them, and with a shorter autosave interval.
        const stores = [];
        const saveMs = Number(process.env.NAS_AZURITE_SAVE_MS || 0);
        try {
          const loki = require('module').createRequire(process.argv[1])('lokijs');
          const configure = loki.prototype.configureOptions;
          loki.prototype.configureOptions = function (options, initialConfig) {
            if (options && options.autosave) {
              if (!stores.includes(this)) stores.push(this);
              if (saveMs > 0) options = Object.assign({}, options, { autosaveInterval: saveMs });
            }
            return configure.call(this, options, initialConfig);
          };
        } catch (error) {
          console.error('nas: Azurite keeps its own save interval: ' + error.message);
        }
        // Azurite's close can wait for a blob or queue garbage-collection pass before it saves; the grace exit saves first.
        const saveAll = () => Promise.all(stores.map(db => new Promise(done => db.saveDatabase(() => done()))));
        const graceMs = 3000;
        process.on('SIGTERM', () => {
          process.stdin.destroy();
          setTimeout(() => {
            setTimeout(() => process.exit(0), graceMs).unref();
            saveAll().then(() => process.exit(0));
          }, graceMs).unref();
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

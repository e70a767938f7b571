namespace NasFunctions.Storage.Emulator;

/// <summary>A script node preloads before Azurite so that Azurite stops when its parent goes, however the parent ends.</summary>
/// <remarks>
/// The parent holds the only write end of Azurite's stdin; when the parent exits (even killed), stdin reaches its end and the
/// script sends Azurite SIGTERM. On any SIGTERM it also lets go of stdin and exits after a grace period, since Azurite's own
/// handler only closes its servers and may leave the process running; before that exit it saves Azurite's LokiJS metadata
/// stores, whose save Azurite's close can hold back behind a garbage-collection pass. It saves those stores together, as one
/// snapshot that <see cref="AzuriteSnapshot"/> completes or drops at the next start, so a kill never leaves one store newer
/// than another. When <c>NAS_AZURITE_SAVE_MS</c> is set, it also shortens the stores' autosave interval (Azurite's own is 5 s).
/// </remarks>
internal static class AzuriteWatchdog
{
    private const string Script = $$"""
        'use strict';
        const fs = require('fs');
        const path = require('path');
        // Azurite's metadata stores (LokiJS): remembered, so a grace exit can save them, and with a shorter autosave interval.
        const stores = [];
        const saveMs = Number(process.env.{{SaveIntervalVariable}} || 0);
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
          // Every save of a store is a save of all of them, as one snapshot: the stores that changed are serialized in the same
          // tick, written beside their files, committed by renaming one marker into place, and only then renamed over their
          // files. A kill at any moment leaves the stores as they were at one instant (the host rolls a committed snapshot
          // forward before it starts Azurite again), so the blob, queue and table stores never disagree about what happened.
          const save = loki.prototype.saveDatabase;
          const ready = new Set();
          let waiting = [];
          let again = false;
          let running = null;
          let count = 0;
          const snapshot = async () => {
            const changed = [...ready].filter(db => db.autosaveDirty());
            if (changed.length === 0) return;
            const texts = changed.map(db => { db.autosaveClearFlags(); return [db.filename, db.serialize()]; });
            const suffix = '{{AzuriteSnapshot.TemporaryInfix}}' + process.pid + '-' + (++count);
            const folder = path.dirname(texts[0][0]);
            const marker = path.join(folder, '{{AzuriteSnapshot.MarkerName}}');
            await Promise.all(texts.map(([file, text]) => fs.promises.writeFile(file + suffix, text)));
            const files = texts.map(([file]) => path.relative(folder, file));
            await fs.promises.writeFile(marker + '.tmp', JSON.stringify({ suffix, files }));
            await fs.promises.rename(marker + '.tmp', marker);
            for (const [file] of texts) await fs.promises.rename(file + suffix, file);
            await fs.promises.unlink(marker);
          };
          const passes = async () => {
            do {
              again = false;
              const callbacks = waiting;
              waiting = [];
              let failure = null;
              try { await snapshot(); } catch (error) { failure = error; }
              for (const callback of callbacks) if (typeof callback === 'function') setTimeout(() => callback(failure), 0);
            } while (again);
            running = null;
          };
          loki.prototype.saveDatabase = function (callback) {
            if (!stores.includes(this)) return save.call(this, callback);
            ready.add(this);
            waiting.push(callback);
            if (running) { again = true; return; }
            running = passes();
          };
          loki.prototype.save = loki.prototype.saveDatabase;
        } catch (error) {
          console.error('nas: Azurite keeps its own saves: ' + error.message);
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
        // With its parent gone, Azurite's output has no reader: a write fails with EPIPE, which would end the process before its
        // close saves the stores. Such errors are ignored, so the close runs to its end.
        const ignore = () => {};
        process.stdout.on('error', ignore);
        process.stderr.on('error', ignore);
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

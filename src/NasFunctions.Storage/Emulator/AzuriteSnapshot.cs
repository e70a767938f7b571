using System.Text.Json;

namespace NasFunctions.Storage.Emulator;

/// <summary>Before Azurite starts on a folder: completes the last snapshot of its stores that the watchdog committed, and drops one it did not.</summary>
/// <remarks>
/// The watchdog (<see cref="AzuriteWatchdog"/>) writes each snapshot's changed stores beside their files (<c>NAME.nas-ID</c>),
/// commits it by renaming <see cref="MarkerName"/> into place (the suffix and the files it holds), renames the files over
/// their stores and deletes the marker. A kill before the commit leaves every store at the snapshot before; a kill after it
/// leaves the rest of the renames to this recovery. Either way the stores start from one instant.
/// </remarks>
internal static class AzuriteSnapshot
{
    /// <summary>The marker whose presence means a committed snapshot may not have taken its place yet.</summary>
    public const string MarkerName = "nas-azurite-snapshot.json";

    /// <summary>What a snapshot's files carry between their store's name and the snapshot's id.</summary>
    public const string TemporaryInfix = ".nas-";

    /// <summary>Renames a committed snapshot's remaining files over their stores and deletes every other snapshot file; returns the stores it completed.</summary>
    public static int Recover(string location)
    {
        var marker = Path.Combine(location, MarkerName);
        var completed = 0;
        if (File.Exists(marker))
        {
            if (Read(marker) is var (suffix, files))
            {
                foreach (var name in files)
                {
                    var pending = Path.Combine(location, name + suffix);
                    if (File.Exists(pending))
                    {
                        File.Move(pending, Path.Combine(location, name), overwrite: true);
                        completed++;
                    }
                }
            }

            File.Delete(marker);
        }

        foreach (var uncommitted in Directory.EnumerateFiles(location, "*" + TemporaryInfix + "*")
            .Append(marker + ".tmp").Where(File.Exists))
        {
            File.Delete(uncommitted);
        }

        return completed;
    }

    // The marker is renamed into place whole, so it parses; names outside the folder or odd suffixes are ignored.
    private static (string Suffix, IReadOnlyList<string> Files)? Read(string marker)
    {
        try
        {
            var committed = JsonSerializer.Deserialize<Committed>(File.ReadAllText(marker), Json);
            return committed is { Suffix: { } suffix, Files: { } files }
                && suffix.StartsWith(TemporaryInfix, StringComparison.Ordinal) && suffix.IndexOfAny(['/', '\\']) < 0
                && files.All(f => f is { Length: > 0 } and not "." and not ".." && Path.GetFileName(f) == f)
                ? (suffix, files)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Committed(string? Suffix, IReadOnlyList<string>? Files);
}

using System.Text.RegularExpressions;

namespace NasFunctions.Local;

/// <summary>
/// The specs this host accepted, on local disk before the 202 goes out, so that a search survives a kill of the whole
/// process group (Azurite included, which may lose its last writes): at the next start each one that storage lacks is
/// started again under its id. An entry is dropped once a start finds its orchestration in storage.
/// </summary>
public sealed partial class AcceptedSearchJournal
{
    private readonly string _folder;

    /// <summary>A journal in <paramref name="folder"/> (created when needed).</summary>
    public AcceptedSearchJournal(string folder) => _folder = Directory.CreateDirectory(folder).FullName;

    /// <summary>Writes the spec of search <paramref name="id"/> and flushes it to disk.</summary>
    public void Record(string id, string body)
    {
        var path = PathOf(id);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(body);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Drops the entry of search <paramref name="id"/>, if any.</summary>
    public void Remove(string id) => File.Delete(PathOf(id));

    /// <summary>Every recorded search id with its spec, oldest first.</summary>
    public IReadOnlyList<(string Id, string Body)> Entries() =>
        new DirectoryInfo(_folder).GetFiles("*.json")
            .Where(f => IdPattern().IsMatch(Path.GetFileNameWithoutExtension(f.Name)))
            .OrderBy(f => f.LastWriteTimeUtc)
            .Select(f => (Path.GetFileNameWithoutExtension(f.Name), File.ReadAllText(f.FullName)))
            .ToList();

    private string PathOf(string id) =>
        IdPattern().IsMatch(id) ? Path.Combine(_folder, id + ".json") : throw new ArgumentException($"'{id}' is not a search id.", nameof(id));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

